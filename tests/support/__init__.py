"""Helpers shared by the test groups (fixtures data, a swapping web server)."""
