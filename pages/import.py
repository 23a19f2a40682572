"""Import: drop exports, check what each will import (format, zone, account, mapping, preview), then import them."""

import streamlit as st

from analytics.importers import ImportOptions
from ui import importing
from ui.markdown import plain
from ui.state import bump, connection, data_version

st.title("Import")
st.caption("Drop one or more exports: X archive or analytics, Meta, LinkedIn, Mastodon, Brandwatch, Meltwater, or any "
           "other mentions CSV/XLSX through a column mapping. Nothing is written until you press Import.")

zones = importing.zones()
default_zone = st.selectbox("Assumed time zone for times written without one", zones, key="import_default_zone",
                            help="Recorded on each import. Meta's Publish time and mention exports carry no zone; "
                                 "each file below can override it.")
uploads = st.file_uploader("Export files", accept_multiple_files=True, key="import_files")

results = st.session_state.get("import_results")
if results:
    st.subheader("Last import")
    (st.warning if any(r["error"] for r in results) else st.success)(importing.summary_text(results))
    st.dataframe(importing.results_frame(results), hide_index=True)
    for result in results:
        if result["rejections"]:
            with st.expander(f"Rejected lines of {plain(result['path'])} ({result['rejected']:,})"):
                st.dataframe(importing.rejections_frame(result["rejections"]), hide_index=True)

if not uploads:
    st.info("Drop export files above to see what each one will import.")
    st.dataframe(importing.formats_frame(), hide_index=True)
    st.stop()

formats = importing.formats()
version = data_version()
planned = []
for number, upload in enumerate(uploads):
    data = upload.getvalue()
    digest = importing.sha256(data)
    key = f"{number}_{digest[:12]}"
    detected = importing.detected_format(digest, data, upload.name)
    with st.expander(f"{plain(upload.name)} · {upload.size:,} bytes", expanded=True):
        if detected is None:
            st.warning("No reader recognises this file from its content; choose its format if you know it.")
        names = list(formats)
        format_name = st.selectbox("Format", names, index=names.index(detected) if detected else len(names) - 1,
                                   format_func=formats.get, key=f"import_format_{key}")
        cols = st.columns(3)
        zone = cols[0].selectbox("Assumed time zone", zones, index=zones.index(default_zone),
                                 key=f"import_zone_{key}")
        account = cols[1].text_input("Account", key=f"import_account_{key}",
                                     help="The brand the mentions are about, or whose posts these are. Leave empty "
                                          "to use what the file (or its mapping) says.")
        platform = None
        mapping = None
        save_as = None
        if importing.needs_mapping(format_name):
            platforms = ["", *importing.platforms()]
            platform = cols[2].selectbox("Platform", platforms, format_func=lambda p: p or "from the file",
                                         key=f"import_platform_{key}") or None
            step = importing.mapping_step(digest, data, upload.name, version)
            if step.error:
                st.error(plain(step.error))
            else:
                st.markdown("**Column mapping**" + (f" (saved mapping “{plain(step.saved_name)}” applied)"
                                                    if step.saved_name else ""))
                grid = st.columns(4)
                mapping = {}
                for index, field_name in enumerate(importing.mapping_fields()):
                    with grid[index % 4]:
                        mapping[field_name] = st.selectbox(field_name, step.options(), index=step.index(field_name),
                                                           key=f"import_map_{key}_{field_name}")
                        st.caption(importing.field_caption(step, field_name))
                if st.checkbox("Save this mapping for files with the same columns", key=f"import_save_{key}"):
                    save_as = st.text_input("Mapping name", value=upload.name.rsplit(".", 1)[0],
                                            key=f"import_save_name_{key}") or None
        options = ImportOptions(account=account or None, assumed_zone=zone, mapping=mapping, platform=platform)
        result = importing.preview(digest, data, upload.name, format_name, zone, account or None, platform,
                                   tuple(sorted(mapping.items())) if mapping else None)
        if result.error:
            st.error(plain(result.error))
        else:
            st.caption(f"{result.rows_read:,} rows read → {result.posts:,} posts, {result.days:,} account-days, "
                       f"{len(result.rejected):,} rejected. First {importing.PREVIEW_ROWS} rows:")
            st.dataframe(result.rows, hide_index=True)
            for warning in result.warnings:
                st.warning(plain(warning))
            if len(result.rejected):
                st.dataframe(result.rejected, hide_index=True)
            planned.append(importing.PlannedFile(upload.name, data, format_name, options, save_as))

label = f"Import {len(planned)} file{'s' if len(planned) != 1 else ''}"
if st.button(label, type="primary", disabled=not planned, key="import_run"):
    bar = st.progress(0.0, text="Starting…")
    st.session_state["import_results"] = importing.import_files(
        connection(), planned, progress=lambda share, text: bar.progress(min(share, 1.0), text=text))
    bump()
    st.rerun()
