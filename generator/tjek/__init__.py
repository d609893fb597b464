"""The one load-and-check step: every rule the data must pass before anything is built."""
