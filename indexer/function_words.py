"""Function words of the region's space-separated languages, shared by two users.

- `lang.py`'s English shortcut: a page mostly made of English function words, and of no
  other language's, is English without asking langdetect.
- The index's common-word pairs (`index/analysis.py`, CommonGrams): phrases through these
  words are the slow ones, so pairs with them are indexed. Changing these lists changes
  the index there: bump SCHEMA_VERSION.
"""

from __future__ import annotations

ENGLISH = frozenset("""
a about after against all also an and any are as at be been before being between both but
by can could did do does during each for from had has have he her his how if in into is it
its may might more most must no not of on only or other our out over shall she should so
such than that the their them then there these they this those through to under until upon
was we were what when where whether which while who whom whose will with within without
would you your
""".split())

# Indonesian/Malay, Filipino, Vietnamese without its accents. Filipino "at" is in ENGLISH
# and Filipino "o" ("or") is left out: both are too common in English text to mark a page
# as another language.
OTHER = frozenset("""
ada adalah akan antara atau bagi bahwa bahawa dalam dan dari dengan di harus itu jika juga
ke kepada oleh pada para sebagai secara tentang telah tersebut untuk yang ini tidak
ang ay hindi ito mga na ng para sa si
cac cho co cua duoc khi la mot nhung nhu trong va ve voi
""".split())
