"""The operation that sets, replaces or removes a film's poster; undone by putting the one
before back (its bytes travel with the undo, since a poster no film shows is dropped)."""

from __future__ import annotations

from dataclasses import dataclass

from filmdesk.core.errors import InWords, StaleEditError
from filmdesk.core.films.editing import load_film
from filmdesk.core.operations import Operation, Outcome, films_changed
from filmdesk.core.posters.images import PosterImage
from filmdesk.core.posters.store import ANY, drop_if_unused, keep_poster, poster_image
from filmdesk.core.records import FilmRecord
from filmdesk.core.rows import film_label, film_record
from filmdesk.core.transaction import Transaction


@dataclass(frozen=True)
class SetPoster(Operation[FilmRecord]):
    """Give film ``film_id`` the poster ``image`` (None: no poster).

    ``expected`` is the hash of the poster the change was made on (None: it had none); a film
    whose poster changed since, elsewhere, is not overwritten (StaleEditError).
    """

    film_id: int
    image: PosterImage | None
    expected: str | None = ANY

    def apply(self, tx: Transaction) -> Outcome[FilmRecord]:
        session = tx.session
        film = load_film(session, self.film_id)
        before_key = film.poster_hash
        if self.expected != ANY and before_key != self.expected:
            raise StaleEditError(film_label(film), [("poster", _described(before_key))])
        before = None if before_key is None else poster_image(session, before_key)
        after_key = None if self.image is None else keep_poster(session, self.image)
        film.poster_hash = after_key
        if before_key != after_key:
            drop_if_unused(session, before_key)
        session.flush()
        record = film_record(film)
        inverse = SetPoster(self.film_id, before, expected=after_key)
        return Outcome(record, inverse, films_changed([record]))


def _described(key: str | None) -> InWords:
    return InWords("none" if key is None else "another picture")
