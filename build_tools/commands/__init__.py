"""The command-line commands beyond the build itself; only ``cli`` imports them."""
