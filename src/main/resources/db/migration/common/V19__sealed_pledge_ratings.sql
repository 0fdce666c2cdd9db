-- Residents' satisfaction ratings of a pledge board are a sealed ballot without codes (one rating per browser):
-- the ballot's link while it runs, and when the organisation counted it with its printed key. The counted totals
-- are added to pledge_rating_tally, which no rating touches any more.
alter table pledge_board add column rating_slug varchar(16);
alter table pledge_board add column ratings_counted_at timestamp;
