"""The anonymisation policy: a TOML file (packaged default: ``therapy_threads/data/anonymise_policy.toml``)."""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UserError


def _default_policy_path() -> Path:
    return Path(str(resources.files("therapy_threads") / "data" / "anonymise_policy.toml"))


@dataclass(frozen=True)
class Policy:
    """Settings of the anonymise stage; see docs/anonymisation-policy.md for what each one means."""

    raw: dict[str, Any] = field(repr=False)
    source: str = "default"

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Policy":
        """Read a policy TOML; ``None`` loads the packaged default. Missing keys take the default's value."""
        default = tomllib.loads(_default_policy_path().read_text(encoding="utf-8"))
        if path is None:
            return cls(default, "default")
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(f"policy file {p} not found; omit --policy to use the packaged default") from None
        except tomllib.TOMLDecodeError as e:
            raise UserError(f"policy file {p} is not valid TOML: {e}") from None
        merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in default.items()}
        for k, v in user.items():
            if isinstance(v, dict) and isinstance(merged.get(k), dict):
                merged[k].update(v)
            else:
                merged[k] = v
        return cls(merged, str(p))

    def get(self, section: str, key: str) -> Any:
        return self.raw[section][key]

    def words(self, section: str, key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in self.raw[section][key])

    @property
    def digest(self) -> str:
        """SHA-256 of the policy content (canonical JSON), part of the anonymiser fingerprint."""
        return hashlib.sha256(json.dumps(self.raw, sort_keys=True).encode("utf-8")).hexdigest()
