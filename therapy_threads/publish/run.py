"""One way to publish: ``publish_release(options)``, called by the CLI and by the Prefect flow.

Before this, the command line and the flow each strung the steps together, and the flow lost
options on the way (``--gated``). Now both build a :class:`PublishOptions` and call the same
function; the flow only passes its own ``upload`` (a Prefect task with retries on transient
errors) and adds artifacts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import PrivacyGateError, UserError

GATED = ("manual", "auto", "keep")


@dataclass(frozen=True)
class PublishOptions:
    version: str
    build: str = "data/build"
    registry: str = "data/releases"
    hub: str | None = None  # Hugging Face dataset repo id
    public: bool = False
    gated: str = "manual"  # manual | auto | keep (leave the repo's setting)
    dry_run: bool = False
    sources: str | None = None
    docs: str | None = None
    data_card: str | None = None  # where to write the repository's DATA_CARD.md, or None
    key_file: str | None = None  # the key that made the build: its verdicts are checked with it
    allow_row_loss: bool = False
    max_row_loss: float | None = None  # None: versioning.MAX_ROW_LOSS

    def __post_init__(self) -> None:
        if self.gated not in GATED:
            raise UserError(f"--gated must be one of {', '.join(GATED)}, not {self.gated!r}")
        if self.max_row_loss is not None and not 0 <= self.max_row_loss <= 1:
            raise UserError(f"--max-row-loss is a share between 0 and 1 (e.g. 0.05), not {self.max_row_loss}")

    @property
    def hub_gated(self) -> str | None:
        return None if self.gated == "keep" else self.gated


@dataclass
class PublishOutcome:
    release: Any  # release.ReleaseResult
    data_card: Path | None = None
    upload: Any = None  # hub.UploadResult


Upload = Callable[..., Any]


def publish_release(options: PublishOptions, *, upload: Upload | None = None,
                    on_released: Callable[[PublishOutcome], None] | None = None) -> PublishOutcome:
    """Release ``options.build`` as ``options.version``: registry, data card, Hub upload.

    ``upload(release_dir, repo_id, private=..., gated=...)`` defaults to
    :func:`~therapy_threads.publish.hub.upload_release`. ``on_released(outcome)`` runs once the
    local release and card are complete and before any upload, so a caller can report the
    finished release even when the upload then fails.
    """
    from .hub import require_token, upload_release
    from .release import publish, write_data_card
    from .versioning import MAX_ROW_LOSS, Version

    v = Version.parse(options.version)
    if options.hub and not options.dry_run:
        require_token(options.hub)  # fail before the local publish, not after it
    try:
        result = publish(options.build, v, options.registry, dry_run=options.dry_run,
                         sources_manifest=Path(options.sources) if options.sources else None,
                         docs_dir=Path(options.docs) if options.docs else None, repo_id=options.hub,
                         key_file=options.key_file, allow_row_loss=options.allow_row_loss,
                         max_row_loss=MAX_ROW_LOSS if options.max_row_loss is None else options.max_row_loss)
    except PrivacyGateError as e:
        raise UserError(str(e)) from e
    outcome = PublishOutcome(result)
    if options.dry_run:
        return outcome
    if options.data_card:
        outcome.data_card = write_data_card(result, options.data_card)
    if on_released is not None:
        on_released(outcome)
    if options.hub:
        outcome.upload = (upload or upload_release)(result.path, options.hub, private=not options.public,
                                                    gated=options.hub_gated)
    return outcome


__all__ = ["PublishOptions", "PublishOutcome", "publish_release"]
