-- Set one workspace setting, replacing its previous value.
insert into settings (key, value) values ($key, $value)
on conflict (key) do update set value = excluded.value
