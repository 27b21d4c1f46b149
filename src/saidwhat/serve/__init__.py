"""The web face of a corpus: a REST API (FastAPI) and server-rendered pages.

Why server-rendered Jinja2 pages with a little vanilla JavaScript and no front-end build:
nothing to install beyond the Python package (no node, no bundler), every page works without
JavaScript (search is a GET form, quote details are ``<details>`` elements), and the
Content-Security-Policy can stay ``'self'`` only: no inline script, no CDN. All article text
is untrusted and reaches the HTML only through Jinja2's autoescaping.
"""

from saidwhat.serve.app import create_app

__all__ = ["create_app"]
