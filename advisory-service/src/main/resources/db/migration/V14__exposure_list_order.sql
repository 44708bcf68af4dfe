-- Exposure lists are ordered and paged by (due_on, id). For a wide scope (the national authority, a province that
-- holds most of the exposures) the first page can then read the first rows of this index and filter them by scope,
-- instead of sorting every exposure in scope: with 4.3 million exposures the authority's first page took 9 s and
-- the Khánh Hòa coordinator's about 1 s under load (the soak of issue 13). A narrow scope still starts from
-- exposure_scope; the planner chooses by the scope's size.
create index exposure_list_order on exposure (due_on, id);
