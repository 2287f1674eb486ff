-- Stand-ins for Citus's create_reference_table and create_distributed_table on plain PostgreSQL, for
-- CitusDistributionScriptTest: they distribute nothing, but refuse what Citus's documented rules refuse, at the moment
-- the shipped script calls them, and remember which table became what. Citus itself cannot be installed here.
create schema citus_stand_in;

create table citus_stand_in.citus_tables (
    relid regclass primary key,
    kind  text not null check (kind in ('reference', 'distributed'))
);

create function citus_stand_in.kind(t regclass) returns text language sql stable as $$
    select kind from citus_stand_in.citus_tables where relid = t
$$;

-- Citus turns a plain table with a foreign key to or from a new reference table into a "Citus local table", which it
-- then cannot distribute when it has an identity column (citusdata/citus#4539, #7888): refused here instead.
create function citus_stand_in.create_reference_table(t regclass) returns void language plpgsql as $$
declare
    other regclass;
begin
    for other in
        select confrelid::regclass from pg_constraint where contype = 'f' and conrelid = t and confrelid <> t
        union
        select conrelid::regclass from pg_constraint where contype = 'f' and confrelid = t and conrelid <> t
    loop
        if citus_stand_in.kind(other) is null then
            raise exception 'reference table %: a foreign key links it with the plain table %, which Citus would make a Citus local table', t, other;
        end if;
    end loop;
    insert into citus_stand_in.citus_tables values (t, 'reference');
end;
$$;

create function citus_stand_in.create_distributed_table(t regclass, distribution_column text, colocate_with text default 'default')
        returns void language plpgsql as $$
declare
    column_number smallint := (select attnum from pg_attribute where attrelid = t and attname = distribution_column and not attisdropped);
    fk record;
begin
    if column_number is null then
        raise exception 'distributed table %: it has no column %', t, distribution_column;
    end if;
    -- "Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column"
    if exists (select 1 from pg_index where indrelid = t and indisunique and not column_number = any (indkey)) then
        raise exception 'distributed table %: a unique index leaves out %', t, distribution_column;
    end if;
    -- "cannot distribute relation because it has triggers", unless citus.enable_unsafe_triggers is on
    if exists (select 1 from pg_trigger where tgrelid = t and not tgisinternal)
            and coalesce(current_setting('citus.enable_unsafe_triggers', true), 'off') <> 'on' then
        raise exception 'distributed table %: it has triggers and citus.enable_unsafe_triggers is not on', t;
    end if;
    if colocate_with not in ('default', 'none') and citus_stand_in.kind(colocate_with::regclass) is distinct from 'distributed' then
        raise exception 'distributed table %: % to co-locate with is not distributed yet', t, colocate_with;
    end if;
    for fk in select confrelid::regclass as referenced, conkey, confkey from pg_constraint
               where contype = 'f' and conrelid = t and confrelid <> t loop
        -- "referenced table must be a distributed table or a reference table"
        if citus_stand_in.kind(fk.referenced) is null then
            raise exception 'distributed table %: it refers to %, which is not distributed or a reference table yet', t, fk.referenced;
        end if;
        -- A key between distributed tables must match their distribution columns, position for position.
        if citus_stand_in.kind(fk.referenced) = 'distributed' and array_position(fk.conkey, column_number) is distinct from
                array_position(fk.confkey, (select attnum from pg_attribute where attrelid = fk.referenced and attname = distribution_column)) then
            raise exception 'distributed table %: its foreign key to % does not match % with %', t, fk.referenced, distribution_column, distribution_column;
        end if;
    end loop;
    if exists (select 1 from pg_constraint where contype = 'f' and confrelid = t and conrelid <> t
                and citus_stand_in.kind(conrelid::regclass) = 'reference') then
        raise exception 'distributed table %: a reference table refers to it', t;
    end if;
    insert into citus_stand_in.citus_tables values (t, 'distributed');
end;
$$;
