"""Browser tests (headless Debian Chromium via Playwright)."""
