"""Publishing: versioned releases (Parquet + data card + Croissant + manifest), the local
registry, the Hugging Face Hub, and downloads with checksum verification.

Entry points: :func:`release.publish`, :func:`hub.upload_release`, :func:`download.download`.
"""
