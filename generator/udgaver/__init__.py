"""Revisions: what changed since the previous published edition, and publishing one with mike."""
