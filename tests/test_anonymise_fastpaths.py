"""The anonymiser's speed-ups decide exactly what the plain rules decide.

Speed work (issue 13) memoised the public-work recognizer's surname check (a pure function of
the word lists and the policy) and precompiled its hot patterns; these tests hold the memo to
the plain rule.
"""
from __future__ import annotations

from therapy_threads.anonymise import recognizers as R


def test_surname_memo_is_the_rule():
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.detect import Cues
    from therapy_threads.anonymise.policy import Policy

    rec = R.PublicWorkRecognizer(Cues(Policy.load(None), lexicon()))
    for w in ["Oliver", "Oliver's", "the", "Jamison", "course", "Haig’s", "x", "Redfield", "Oliver"]:
        assert rec._surname_like(w) == rec._surname_like(w)  # memo hit
        cf = R.POSS.sub("", w).casefold()
        r = rec.lex.rank(cf)
        plain = (len(cf) >= 2 and cf not in rec.cues.not_names and not rec.cues.function_word(cf)
                 and (r is None or r >= 3000 or rec.lex.is_surname(cf) or rec.lex.proper_noun(cf)))
        assert rec._surname_like(w) == plain
