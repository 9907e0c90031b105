"""Package layout that pyproject.toml cannot express on its own.

The design card puts ``schemas/`` (the published contract) and ``flows/`` (Prefect entrypoints,
``flows/build.py:build_flow`` in prefect.yaml) at the top level of the repository. The wheel
carries them inside the package as ``therapy_threads.schemas`` and ``therapy_threads.flows``,
mapped from those folders, so there is one copy of each (nothing to keep in sync) and no
generic top-level ``flows`` package is installed into site-packages. Everything else about the
project is in pyproject.toml.
"""
from setuptools import find_namespace_packages, setup

MAPPED = {"therapy_threads.flows": "flows", "therapy_threads.schemas": "schemas"}

setup(
    # Namespace discovery, so data folders (therapy_threads/data, publish/templates) are
    # packages too and their files ship as package data.
    packages=find_namespace_packages(include=["therapy_threads", "therapy_threads.*"],
                                     exclude=["*.__pycache__"])
    + list(MAPPED) + ["therapy_threads.schemas.expectations"],
    package_dir=MAPPED,
    package_data={"": ["*.json", "*.txt", "*.toml", "*.md", "*.j2", "*.css", "*.js", "py.typed"]},
)
