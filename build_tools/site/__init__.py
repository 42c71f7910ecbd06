"""The site's output: Markdown pages, the nav, the theme overrides; pure renderers."""
