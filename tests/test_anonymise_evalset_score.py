"""The eval scorer: a form of address left beside a removed name is no leak, in every covered language."""
import pytest

from therapy_threads.anonymise import evalset as ev


@pytest.mark.parametrize("marked, published, removed", [
    ("Ik sprak [[mevrouw Vandeloo]] gisteren.", "Ik sprak mevrouw [P1] gisteren.", 1),
    ("Toen kwam [[drs. Wobbe Tjallema]].", "Toen kwam drs. [P1].", 1),
    ("Bedankt [[ds. Tjallema]]!", "Bedankt ds. [P1]!", 1),
    ("Con la [[Psic. Quiroga]] y la [[Mtra. Belmonte]].", "Con la Psic. [P1] y la Mtra. [P2].", 2),
    ("Hablé con la [[lic. quiroga]].", "Hablé con la lic. [P1].", 1),
    ("Bei [[Dr.in Zirngast]] und [[Mag.a Pröll]].", "Bei Dr.in [P1] und Mag.a [P2].", 2),
    ("J'ai vu [[Madame Brochu]].", "J'ai vu Madame [P1].", 1),
    ("Byla jsem u [[paní Vondrušková]] a [[MUDr. Bedřich Kalous]].", "Byla jsem u paní [P1] a MUDr. [P2].", 2),
    ("Děkuji [[slečně Zdislavě]] a [[panu Mgr. Kalousovi]].", "Děkuji slečně [P1] a panu Mgr. [P2].", 2),
    ("Falei com a [[Tanabe-sensei]] e a [[Lulu-chan]].", "Falei com a [P1]-sensei e a [P2]-chan.", 2),
    ("Vado dal [[lic. phil. Bizzozero]] e dalla [[Sciura Ottavia]].", "Vado dal lic. phil. [P1] e dalla Sciura [P2].", 2),
    ("Bij [[meester Wout]] en [[juf Ilse]].", "Bij meester [P1] en juf [P2].", 2),
    ("Lo dijo [[don Eusebio]].", "Lo dijo don [P1].", 1),
    # the name itself surviving is still a leak, the title beside it or not
    ("Ik sprak [[mevrouw Vandeloo]] gisteren.", "Ik sprak [P1] Vandeloo gisteren.", 0),
    ("Bei [[Dr.in Zirngast]].", "Bei [P1] Zirngast.", 0),
    ("Falei com a [[Tanabe-sensei]].", "Falei com a Tanabe-[P1].", 0),
    # "in" and "a" only as the ending of an Austrian title, not as words of a name
    ("Das war [[Lin A. Berg]].", "Das war [P1] A. Berg.", 0),
    # "phil" only as the faculty after "lic.", not as a name after another title
    ("Ask [[Dr. Phil]].", "Ask Dr. Phil.", 0),
])
def test_a_title_beside_a_removed_name_is_no_leak(marked, published, removed):
    sc = ev.score_text(ev.parse_text(marked), published, "t")
    assert sc.private_removed == removed
