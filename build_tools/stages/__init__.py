"""Stages for one raw text: decode, clean, convert script, structure (pure functions)."""
