-- One workspace setting's value (no row when it was never set).
select value from settings where key = $key
