-- Add accounts seen in an import (from the registered frame incoming_accounts); an account once marked as our own
-- stays our own, and a display name is only filled in, never blanked.
insert into accounts (platform, handle, display_name, is_own)
select platform, handle, any_value(display_name), bool_or(is_own)
from incoming_accounts
group by platform, handle
on conflict (platform, handle) do update set
    display_name = coalesce(excluded.display_name, accounts.display_name),
    is_own = accounts.is_own or excluded.is_own
