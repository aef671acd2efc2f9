"""The page's own date, read from the head of real pages by publishers the accuracy set holds
few of or none (collected with the search tool's ``pages`` corpus; none is a page of the
labelled set). Each case is the page's first lines as saved (cut after the first sentence
of the story, the rest not needed), with the date the page shows, or None where it shows
none: a careful reader dates the page from its dateline or label, never from a date its
story tells.
"""

from __future__ import annotations

import pytest

from importers.metadata import detect_published

HEADS = [
    # Labels: "Published on:", "PUBLISHED: 15:47 ... | UPDATED: ...", "Updated 5 April 2024".
    ("https://guildford-dragon.com/letter-county-council-wanted-childrens-ofsted-letter-published/",
     "Fringe Box\n\nLetter: County Council Wanted Children’s Ofsted Letter Published\n\n"
     "Published on: 26 Apr, 2021\nUpdated on: 26 Apr, 2021\n\nCllr Mary Lewis\n", "2021-04-26"),
    ("https://www.edp24.co.uk/news/politics/watchdogs-to-start-two-week-inspection-of-norfolk-s-children-s-"
     "services-department-1-5273045",
     "Watchdogs to start two week inspection of Norfolk’s children’s services department\n\n"
     "PUBLISHED: 15:47 09 November 2017 | UPDATED: 15:47 09 November 2017\n\n"
     "Norfolk County Council headquarters at County Hall. Photo: Steve Adams\n\n"
     "Ofsted judged Norfolk County Council’s children’s services department as inadequate in 2013 and "
     "again in 2015.\n", "2017-11-09"),
    ("https://www.edp24.co.uk/news/politics/ofsted-watchdogs-begin-inspection-of-norfolk-services-for-"
     "vulnerable-children-1-5278016",
     "Ofsted watchdogs begin inspection of Norfolk services for vulnerable children\n\n"
     "PUBLISHED: 16:28 13 November 2017 | UPDATED: 16:28 13 November 2017\n\n"
     "Watchdogs have returned to inspect the service.\n", "2017-11-13"),
    ("https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/"
     "inspecting-local-authority-childrens-services",
     "Guidance\n\nInspecting local authority children’s services\n\nUpdated 5 April 2024\n\n"
     "Applies to England\n\nIntroduction\n\n1. This document sets out the framework. We first published "
     "this framework in November 2017.\n", "2024-04-05"),
    ("https://gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/"
     "b3edac72-cb9e-413b-b8d5-f2a5c23900cc",
     "Inspecting local authority children’s services\nUpdated 13 December 2024\nApplies to England\n"
     "Introduction\n", "2024-12-13"),
    # By-lines: the writer's name then the day, on one line or two.
    ("https://www.localgov.co.uk/Councils-childrens-services-inadequate-Ofsted-warn/40624",
     "William Eichler 06 April 2016\n\nCouncil’s children's services ‘inadequate’, Ofsted warn\n\n"
     "A council’s children’s services are suffering from ‘serious and widespread failures’, says Ofsted "
     "report.\n", "2016-04-06"),
    ("https://www.localgov.co.uk/Council-first-outside-London-to-transform-flagging-childrens-services-to-"
     "outstanding/50101",
     "William Eichler 03 March 2020\n\nCouncil first outside London to transform flagging children’s "
     "services to ‘outstanding’\n\nA Midlands council has become the first outside of London.\n",
     "2020-03-03"),
    ("https://independent.co.uk/news/uk/home-news/ofsted-brands-child-services-inadequate-1808393.html",
     "Stay up to date with notifications from The Independent\n\nNotifications can be managed in browser "
     "preferences.\n\nOfsted brands child services 'inadequate'\n\nEducation Editor,Richard Garner\n"
     "Saturday 24 October 2009 00:00 BST\nComments\n", "2009-10-24"),
    ("https://the-independent.com/news/uk/politics/eight-councils-rated-as-inadequate-for-children-"
     "1202320.html",
     "Stay up to date with notifications from The Independent\n\nNotifications can be managed in browser "
     "preferences.\n\nEight councils rated as inadequate for children\n\nRichard Garner\n"
     "Wednesday 17 December 2008 20:00 EST\nComments\n", "2008-12-17"),
    # BBC's dateline with the time and weekday before the day.
    ("http://news.bbc.co.uk/2/hi/uk_news/7786915.stm",
     "Page last updated at 14:17 GMT, Wednesday, 17 December 2008\n\nMore child services 'inadequate'\n\n"
     "The number of children's services in England deemed inadequate has doubled in one year.\n",
     "2008-12-17"),
    # A committee site's item page dates the meeting in its heading.
    ("https://modgov.lbbd.gov.uk/Internet/ieIssueDetails.aspx?IId=86913&Opt=3",
     "Issue - meetings\n\nChildren's Care and Support Self-Evaluation and OFSTED Inspection Readiness\n\n"
     "Meeting: 17/05/2023 - Assembly (Item 10)\n\n10 Children's Care and Support Self-Evaluation pdf icon "
     "PDF 94 KB\n", "2023-05-17"),
    # A regional site's saved page opens on its ISO date.
    ("https://www.shropshirestar.com/news/local-hubs/telford/2020/06/23/telford-childrens-services-judged-"
     "as-outstanding/",
     " date 2020-06-23 Telford & Wrekin Council’s outstanding Ofsted judgement reflects several years of "
     "hard work, says a report to the authority’s next cabinet meeting.\n", "2020-06-23"),
    # Archant's papers: a search form's default date above the story's own label.
    ("https://www.newhamrecorder.co.uk/news/education/inspectors-find-significant-deterioration-in-"
     "children-s-services-1-5957343",
     " date 2019-03-08 Search\n\nAdvanced search\n\nSign up to our newsletter\n\nInspectors find "
     "‘significant deterioration’ in children’s services\n\nPUBLISHED: 14:03 25 March 2019 | UPDATED: "
     "14:03 25 March 2019\n\nArchant\n", "2019-03-25"),
    ("https://www.thestar.co.uk/education/sheffield-schools-ofsted-all-latest-ratings-in-november-2023-by-"
     "inspectors-for-citys-schools-and-nurseries-4417243",
     " date 2023-11-21 2 . Sheffield City's Council's Children's Services - Good\n\nSheffield's "
     "Children's Services was rated Good in a glowing report published on November 3.\n", "2023-11-21"),
    # A date after the headline, with its time; a label of any name; a column's title.
    ("https://www.wired-gov.net/wg/news.nsf/print/Ofsted+reports+during+local+elections+preelection+"
     "silence+02042019102500",
     "Ofsted reports during local elections pre-election silence\n\n1 Apr 2019 03:23 PM\n\n"
     "Ofsted will delay publication of some inspection reports until after 3 May 2019.\n", "2019-04-01"),
    ("http://www.publicnet.co.uk/news/2013/05/16/watchdog-moving-from-classroom-to-town-hall-to-improve-"
     "school-standards/",
     "Headlines: May 16th, 2013\n\nDecisions taken in the town hall affect the quality of schools.\n",
     "2013-05-16"),
    ("https://www.chronicleseries.com/Letters/Editorial-23rd-May-2019",
     "Editorial....23rd May, 2019\n\nOfsted reports are (to use some journalistic licence, other things as "
     "bad) the bane of a local reporter’s life.\n", "2019-05-23"),
    # Pages that show no date of their own: the dates their stories tell are not theirs.
    ("https://themj.co.uk/government-intervenes-councils-inadequate-childrens-services",
     "OFSTED\n\nGovernment intervenes over council's 'inadequate' children's services\n\n"
     "The Government has issued a statutory direction to Bournemouth, Christchurch and Poole Council.\n\n"
     "Its move comes after a visit from Ofsted in 2020.\n\nA subsequent inspection in December 2021 found "
     "the council's children's services were still 'inadequate'.\n", None),
    ("https://www.themj.co.uk/weak-leadership-blame-childrens-services-failure",
     "Title\n\nCHILDREN AND YOUNG PEOPLE\n\nWeak leadership to blame for children's services failure\n\n"
     "In Ofsted's third social care annual report, which was published today, the watchdog warned there "
     "were too many inadequate children's services departments.\n", None),
    ("https://themj.co.uk/watchdog-rates-birmingham-children-services-inadequate",
     "Ofsted has published a damming report on Birmingham City Council's children's service, branding it "
     "as ‘inadequate'.\nAccording to the report, which was published today, the most vulnerable children "
     "continue to be failed.\n", None),
    ("https://thewriterstown.com/news/uk-england-nottinghamshire-62793255",
     "Nottingham City Council children's services rated inadequate\n\nGetty Images Child hiding their "
     "faceGetty Images\n\nOfsted assessed Nottingham City Council's children's services between 4 and 22 "
     "July.\n\nOfsted said a visit in February 2020 found \"priority action\" was needed.\n", None),
    ("http://wired-gov.net/wg/wg-news-1.nsf/0/5758CE52CFA447178025768700360C9D",
     "Office for Standards in Education (Ofsted)\nPrintable version E-mail this to a friend\n\n"
     "Ofsted publishes 2009 children’s services rating\n\nOfsted today publishes the outcomes of the new "
     "annual children’s services ratings for 2009.\n", None),
    ("https://www.wired-gov.net/wg/news.nsf/articles/Monitoring+local+authority+childrens+services+judged+"
     "inadequate+guidance+for+inspectors+31052016161500?open",
     "Office for Standards in Education (Ofsted)\nMonitoring local authority children’s services judged "
     "inadequate: guidance for inspectors\nWhat Ofsted inspectors do during a monitoring visit.\n", None),
    ("http://www.publicnet.co.uk/news/2010/12/10/ofsted-reveals-inadequate-children%E2%80%99s-services/",
     "Ofsted’s performance assessment of children’s services found that one third were not performing "
     "well.\nThe assessments show that 20 councils are providing excellent services.\n", None),
    ("http://www.communitycare.co.uk/2010/12/09/twice-as-many-excellent-services-as-last-year-says-ofsted/",
     "Twice as many excellent services as last year, says Ofsted\n\nTwice the number of councils are "
     "providing excellent children’s services, according to Ofsted’s 2010 children’s services "
     "assessments, published today.\n", None),
    ("https://www.interfaceenterprises.co.uk/news-and-publications/tougher-ofsted-inspections-reveal-"
     "visible-fall-in-childrens-services-ratings-in-3-out-of-4-councils/",
     "Menu Search\n\nFor enquiries and bookings, call us on 01603 251730\n\nTougher Ofsted inspections "
     "reveal visible fall in children's services ratings in 3 out of 4 councils\n\nSince November 2013 "
     "Ofsted has assessed 47 children's services under its single inspection framework.\n", None),
    ("https://www.newssniffer.co.uk/articles/184155/diff/2/3",
     "This article is from the source 'bbc' and was first published or seen on . It will not be checked "
     "again for changes.\n\nVersion 2 Version 3\nMore child services 'inadequate'\n(19 minutes later)\n",
     None),
    ("https://newsroomarchive.telford.gov.uk/News/Details/15308",
     "Children “cared for and cared about”\nTelford & Wrekin Council’s outstanding Ofsted judgement "
     "reflects several years of hard work.\nThe report to the cabinet meeting on July 9 says the council "
     "is the only authority in the region.\n", None),
    ("https://westminsterconservatives2-admin.conservativewebsites.org.uk/news/westminster-childrens-"
     "services-maintain-outstanding-rating",
     "Conservative-led Westminster City Council’s Children’s Services have been given an ‘Outstanding’ "
     "rating by Ofsted.\nOfsted recognised that services have improved since its last inspection in "
     "2016.\n", None),
    ("https://thehaveringdaily.co.uk/2025/10/17/haverings-childrens-services-praised-for-good-progress-by-"
     "ofsted",
     "Advertisement - Support Local Business\n\nHavering’s Children’s Services praised for ‘good "
     "progress’ by Ofsted\n\nAdvertisement - Support Local Business\nShow More\n\nThe visit on 16 and 17 "
     "September was the third monitoring inspection since the service was rated Inadequate by Ofsted in "
     "December 2023.\n", None),
    ("https://havering.gov.uk/news/article/1385/cabinet-approves-children-s-ofsted-improvement-plan-",
     "Havering’s Children's Service Improvement Plan has been endorsed by the Council’s Cabinet.\n\n"
     "The Ofsted report published in February 2024 highlighted that the Council had a good "
     "understanding of their practice.\n", None),
    ("https://article-swipe.standard.co.uk/news/politics/havering-council-ofsted-children-services-london-"
     "bankruptcy-b1139642.html",
     "Damning Ofsted report finds children put 'at risk' in London borough on verge of bankruptcy\n\n"
     "Havering council’s child services was rated ‘inadequate’ by inspectors\nWEST END FINAL\n\n"
     "At the local authority’s last inspection, in 2018, the service was rated “good”.\n\nBut in the "
     "report, published on Friday, lead inspector Claire Beckingham said it had deteriorated.\n", None),
    ("https://www.newburytoday.co.uk/news/council-accused-of-misleading-ofsted-statement-9165607",
     "Home   News   Article\n\nSubscribe Now\n\nCouncil accused of 'misleading' Ofsted statement\n\n"
     "Last week the Hungerford edition of the Newbury Weekly News reported how a primary school required "
     "improvement across the board.\n", None),
    ("https://www.familylawweek.co.uk/site.aspx?i=ed118900",
     "Family Law Week Email SubscriptionBerkeley Lifford Hall Accountancy ServicesAlpha Biolabs\n\n"
     "Children’s Services Directors respond to Ofsted’s criticisms of children’s services\n\n"
     "The Association of Directors of Children's Service has responded to Ofsted's National Social Care "
     "Report.\n", None),
    ("https://www.manchester.gov.uk/news/article/9022/good_rating_for_manchester_childrens_services_puts_"
     "it_amongst_best_in_north_west",
     "Good rating for Manchester Children's Services puts it amongst best in North West\n\n"
     "The rating follows a full inspection in March by Ofsted.\n\nIt comes off the back of the council's "
     "rating of Requires Improvement at its last full inspection in 2017.\n", None),
    ("https://inkl.com/news/manchester-council-is-finally-rated-good-by-ofsted-for-first-time-ever",
     "Manchester council has been rated 'Good' by Ofsted for the first time ever.\nIt comes after the "
     "council was judged as 'inadequate' in 2014.\n", None),
    # BBC's current pages print "Published" with the date only in the page's markup.
    ("https://feeds.bbci.co.uk/news/uk-england-manchester-61502590",
     "Manchester Children's Services rated good after at-risk warnings\n\n  • Published\n"
     "Manchester town hall\nImage caption,\n\nChildren's services in Manchester have been rated good by "
     "inspectors.\n\nIn 2014 nearly 500 children were found to be waiting for a social worker.\n", None),
    ("https://feeds.bbci.co.uk/news/articles/cly9e4e021po",
     "Manchester children's services rated 'outstanding'\n\nImage caption,\n\n  • Published\n\n"
     "Children's services in Manchester have been rated as \"outstanding\" by inspectors.\n\nServices in "
     "Manchester have gradually improved since 2014.\n", None),
    ("http://www.itv.com/news/2013-10-15/majority-of-councils-in-england-failing-to-protect-vulnerable-"
     "children/",
     "1. ITV Report\n\nMajority of councils in England 'failing to protect vulnerable children'\n\n"
     "More than half of councils in England are failing to protect the nation's most vulnerable "
     "children.\n", None),
    ("https://www.itv.com/news/2014-11-19/child-services-in-rotherham-remain-inadequate-ofsted-finds/",
     "1. ITV Report\n\nChildren's services in Rotherham remain 'inadequate', Ofsted finds\n\n"
     "Ofsted inspected services in Rotherham in September, a month after the Jay Report.\n", None),
    ("https://www.cypnow.co.uk/content/news/corporate-parenting-failures-sees-newham-downgraded-to-"
     "inadequate",
     "\nInspectors have downgraded the department to \"inadequate\".\nInspectors raised concerns during "
     "their previous inspection in 2014.\n", None),
    ("https://www.cypnow.co.uk/content/news/north-somerset-vulnerable-childrens-needs-secondary-to-"
     "parents-ofsted-finds",
     "\nIn a letter to the authority following a focused visit on 7 and 8 December, Ofsted said there had "
     "been little progress since its last inspection in March 2020.\n", None),
]


@pytest.mark.parametrize("url, head, shown", HEADS, ids=[url.split("/")[2] for url, _, _ in HEADS])
def test_the_page_head_gives_the_date_the_page_shows(url: str, head: str, shown: str | None) -> None:
    assert detect_published(head) == shown


def test_enough_publishers_are_checked() -> None:
    assert len(HEADS) >= 30
    assert len({url.split("/")[2].removeprefix("www.") for url, _, _ in HEADS}) >= 20
