"""Project configuration for Delaktig, imported as ``delaktig_site``."""
