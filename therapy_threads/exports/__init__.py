"""Exports of a release into other tools' formats (light install: no pipeline imports)."""
