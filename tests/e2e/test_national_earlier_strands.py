"""An earlier inspection's grade in a real report is given to the services the sentence grades,
not to the strands its inspection is named by (``judgement_areas``), and a 2009-13 grade of
care leavers is the looked after children's strand (``vocabulary.areas_of_its_era``).

Reads a dev report from ``../shared/reports/national`` (skipped where absent).
"""

from __future__ import annotations

import pytest

from importers.pipeline import import_file
from tests.paths import NATIONAL

pytestmark = pytest.mark.reports

# "Services for looked after children and care leavers have deteriorated since the child
# protection and children looked after inspection in 2010 which judged the services as good."
HEREFORDSHIRE = NATIONAL / "80474_herefordshire" / "children's services inspection - 30 june 2014.pdf"


def test_a_grade_the_named_inspection_gave_the_looked_after_services_is_theirs_alone():
    if not HEREFORDSHIRE.is_file():
        pytest.skip(f"needs the national reports at {NATIONAL} (not in the repository)")
    doc = import_file(HEREFORDSHIRE)
    graded_2010 = {(f.get("area"), f.get("rating")) for f in doc.facts
                   if f.type == "judgement" and f.get("year") == 2010}
    # The report's own list: "The previous inspection of Herefordshire's services for looked
    # after children was in October 2010. The local authority was judged to be good."
    assert graded_2010 == {("children in care", "good")}
