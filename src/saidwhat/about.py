"""What saidwhat is: its version, in a leaf module that every step may import (as spaCy keeps
``about.py``), so that no step reaches up to the package face for it."""

__version__ = "0.1.0"
