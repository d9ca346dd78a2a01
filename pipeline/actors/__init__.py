"""Actors: the bilingual gazetteer, actor mentions, committing parties and term pairs."""
