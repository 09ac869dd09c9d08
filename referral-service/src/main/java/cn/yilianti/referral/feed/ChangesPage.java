package cn.yilianti.referral.feed;

import java.util.List;

/** A page of the feed and the cursor to ask for the next one (the same one when nothing is new). */
record ChangesPage(List<Change> changes, String nextCursor) {}
