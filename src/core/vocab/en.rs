//! English (en). Labels are written to stand alone (the form, the CSV); `field` has the mid-sentence wording messages use.
//!
//! One catalogue: every word of the locale, keyed by the ids of [`super`]. Templates name params
//! in braces (`{reviewed}`), `{param|list}` prints the word of the param's value in a list,
//! `{@name}` a sentence built in [`crate::core::messages`].

use super::{list, Catalogue, Words};

#[cfg(feature = "review")]
const KIND: Words = words![
    ("committee", "Grassroots Party committee"),
    ("general_branch", "General Party branch"),
    ("branch", "Party branch"),
    ("secretary", "Secretary of a grassroots organisation"),
    ("member", "Party member"),
];

#[cfg(feature = "review")]
const ROLE: Words = words![
    ("branch_secretary", "Party branch secretary"),
    ("committee_secretary", "Secretary of a grassroots committee (general branch)"),
    ("county_leader", "County-level leading cadre"),
    ("county_party_secretary", "County Party secretary"),
    ("senior_cadre", "Other leading cadre at county level or above"),
    ("leadership_member", "Member of a local Party committee or leading Party group"),
];

#[cfg(feature = "review")]
const METHOD: Words = words![
    ("collective", "Collective review"),
    ("individual", "Individual review"),
    ("onsite", "On-site review"),
    ("random", "Random review"),
];

#[cfg(feature = "review")]
const GRADE: Words = words![
    ("good", "Good"),
    ("fairly_good", "Fairly good"),
    ("average", "Average"),
    ("poor", "Poor"),
];

#[cfg(feature = "review")]
const FOCUS: Words = words![
    ("central_work", "Advancing the central work"),
    ("public_pledge", "Public pledges"),
    ("serve_people", "Doing real things for the people"),
    ("team_building", "Building the organisation and its members"),
    ("joint_building", "Party and masses striving together"),
    ("lead_by_example", "Leading by example"),
    ("organize_members", "Organising members to strive"),
    ("post_performance", "First-class work at one’s post"),
];

#[cfg(feature = "review")]
const COMBINED: Words = words![
    ("org_life_meeting", "Organisational life meeting"),
    ("democratic_appraisal", "Democratic appraisal of members"),
    ("mass_appraisal", "Appraisal by the public"),
    ("annual_assessment", "Annual assessment"),
    ("party_building_assessment", "Party-building responsibility assessment"),
    ("dual_report", "Secretaries’ dual reports and appraisals"),
    ("field_visit", "Leaders’ field visits"),
];

#[cfg(feature = "review")]
const SECTOR: Words = words![
    ("non_public", "Non-public enterprise"),
    ("social", "Social organisation"),
];

const HEADER: Words = words![
    ("unit", "Reporting unit"),
    ("batch", "Batch"),
    ("as_of", "Statistics as of"),
    ("filed_on", "Filing date"),
    ("deadline", "Deadline"),
    ("principal", "Person in charge"),
    ("preparer", "Prepared by"),
    ("phone", "Phone"),
    ("preset", "Preset"),
    ("notes", "Notes"),
];

const REPORT: Words = words![
    ("overview", "Overview"),
    ("practices", "Outstanding practices"),
    ("examples", "Typical examples"),
];

/// Fields a statistics table's messages name.
const STATS_FIELD: Words = words![
    ("format", "Document format"),
    ("id", "Id"),
    ("name", "Name"),
    ("rows", "Rows"),
    ("report", "Written report"),
];

#[cfg(feature = "review")]
const FIELD: Words = words![
    ("evaluation", "Evaluation"),
    ("achievements", "Achievements"),
    ("shortcomings", "Shortcomings"),
    ("direction", "Direction"),
    ("date", "Review date"),
    ("method", "Review method"),
    ("reviewer", "Reviewer"),
    ("reviewer.name", "Reviewer’s name"),
    ("reviewer.role", "Reviewer’s role"),
    ("reviewer.id", "Reviewer’s roster id"),
    ("reviewer.org", "Reviewer’s organisation"),
    ("target", "Target"),
    ("target.kind", "Target’s kind"),
    ("target.name", "Target’s name"),
    ("target.id", "Target’s roster id"),
    ("target.org", "Target’s organisation"),
    ("kind", "Kind"),
    ("parent", "Parent organisation"),
    ("secretary", "Secretary"),
    ("org", "Organisation"),
    ("sector", "Sector"),
    ("mobile", "Mobile member"),
    ("orgs", "List of organisations"),
    ("members", "List of members"),
    ("entries", "List of entries"),
    ("role", "Role"),
    ("grade", "Grade"),
    ("focus", "Focus"),
    ("combined_with", "Combined with"),
    ("model", "Set up as a model"),
    ("talk", "Special talk"),
    ("problems_found", "Problems found"),
    ("problems_solved", "Problems solved"),
];

const FIELD_PHRASE: Words = words![
    ("unit", "the reporting unit"),
    ("batch", "the batch"),
    ("as_of", "the statistics date"),
    ("filed_on", "the filing date"),
    ("deadline", "the deadline"),
    ("principal", "the person in charge"),
    ("preparer", "the preparer"),
    ("phone", "the phone number"),
    ("preset", "the preset"),
    ("notes", "the notes"),
    ("overview", "overview"),
    ("practices", "outstanding practices"),
    ("examples", "typical examples"),
    ("format", "the document format"),
    ("id", "the id"),
    ("name", "the name"),
    ("rows", "the rows"),
    ("report", "the written report"),
];

#[cfg(feature = "review")]
const REVIEW_FIELD_PHRASE: Words = words![
    ("evaluation", "the evaluation"),
    ("achievements", "the achievements"),
    ("shortcomings", "the shortcomings"),
    ("direction", "the direction"),
    ("date", "the review date"),
    ("method", "the review method"),
    ("reviewer", "the reviewer"),
    ("reviewer.name", "the reviewer’s name"),
    ("reviewer.role", "the reviewer’s role"),
    ("reviewer.id", "the reviewer’s roster id"),
    ("reviewer.org", "the reviewer’s organisation"),
    ("target", "the target"),
    ("target.kind", "the target’s kind"),
    ("target.name", "the target’s name"),
    ("target.id", "the target’s roster id"),
    ("target.org", "the target’s organisation"),
    ("kind", "the organisation’s kind"),
    ("parent", "the parent organisation"),
    ("secretary", "the secretary"),
    ("org", "the organisation"),
    ("sector", "the sector"),
    ("mobile", "the mobile-member flag"),
    ("orgs", "the list of organisations"),
    ("members", "the list of members"),
    ("entries", "the list of entries"),
    ("role", "the role"),
    ("grade", "the grade"),
    ("focus", "the focus"),
    ("combined_with", "what the review was combined with"),
    ("model", "the model flag"),
    ("talk", "the special-talk flag"),
    ("problems_found", "the problems found"),
    ("problems_solved", "the problems solved"),
];

const COLUMN_GROUP: Words = words![
    ("name", ""),
    ("orgs_total", "Grassroots organisations"),
    ("orgs_reviewed", "Grassroots organisations"),
    ("orgs_coverage", "Grassroots organisations"),
    ("new_orgs_total", "of which in new economic and social organisations"),
    ("new_orgs_reviewed", "of which in new economic and social organisations"),
    ("secretaries_total", "Secretaries"),
    ("secretaries_reviewed", "Secretaries"),
    ("secretaries_coverage", "Secretaries"),
    ("secretaries_reviewing", "Secretaries"),
    ("secretaries_participation", "Secretaries"),
    ("members_total", "Party members"),
    ("members_reviewed", "Party members"),
    ("members_coverage", "Party members"),
    ("mobile_total", "of which mobile members"),
    ("mobile_reviewed", "of which mobile members"),
    ("cadres_reviewing", ""),
    ("collective", "Review methods"),
    ("individual", "Review methods"),
    ("onsite", "Review methods"),
    ("random", "Review methods"),
    ("methods_total", "Review methods"),
    ("talks", ""),
    ("models", ""),
    ("problems_found", ""),
    ("problems_solved", ""),
];

const COLUMN_LABEL: Words = words![
    ("name", "Unit"),
    ("orgs_total", "total"),
    ("orgs_reviewed", "reviewed"),
    ("orgs_coverage", "coverage (%)"),
    ("new_orgs_total", "number"),
    ("new_orgs_reviewed", "reviewed"),
    ("secretaries_total", "total"),
    ("secretaries_reviewed", "reviewed"),
    ("secretaries_coverage", "reviewed coverage (%)"),
    ("secretaries_reviewing", "reviewing"),
    ("secretaries_participation", "participation (%)"),
    ("members_total", "total"),
    ("members_reviewed", "reviewed"),
    ("members_coverage", "coverage (%)"),
    ("mobile_total", "number"),
    ("mobile_reviewed", "reviewed"),
    ("cadres_reviewing", "County-level or higher leaders reviewing"),
    ("collective", "collective"),
    ("individual", "individual"),
    ("onsite", "on-site"),
    ("random", "random"),
    ("methods_total", "total"),
    ("talks", "Special talks"),
    ("models", "Models found"),
    ("problems_found", "Problems found"),
    ("problems_solved", "Problems solved"),
];

const COLUMN_HEADER: Words = words![
];

const PRESET: Words = words![
    ("heilongjiang-2010", "Heilongjiang (provincial notice No. 11 of 2010)"),
    ("central-2010", "Central (notice No. 7 of 2010)"),
];

const RECEIVER: Words = words![
    ("heilongjiang-2010", "Heilongjiang Provincial Campaign Office"),
    ("central-2010", "Central Campaign Office"),
];

const FORMAT: Words = words![
    ("cxzy-stats/1", "a statistics table"),
    ("cxzy-roster/1", "a roster"),
    ("cxzy-entries/1", "review entries"),
];

#[cfg(feature = "review")]
const GAP: Words = words![
    ("orgs", "Organisations not reviewed"),
    ("secretaries", "Secretaries not reviewed"),
    ("members", "Members not reviewed"),
    ("not_reviewing", "Secretaries who reviewed nobody"),
];

#[cfg(feature = "review")]
const COVERAGE_BAR: Words = words![
    ("orgs", "Organisations reviewed"),
    ("secretaries", "Secretaries reviewed"),
    ("members", "Members reviewed"),
    ("participation", "Secretaries reviewing"),
];

#[cfg(feature = "review")]
const GAP_COLUMN: Words = words![
    ("id", "Id"),
    ("name", "Name"),
    ("kind", "Kind"),
    ("parent", "Parent"),
    ("unit", "Unit"),
    ("secretary", "Secretary"),
    ("secretary_of", "Secretary of"),
    ("org", "Organisation"),
    ("mobile", "Mobile"),
];

const HINTS: Words = words![
    ("empty", "it is empty"),
    ("letter_o", "it contains the letter O — did you mean 0?"),
    ("letter_l", "it contains the letter l or I — did you mean 1?"),
    ("decimal", "enter a whole number, without decimals"),
    ("negative", "it must not be negative"),
    ("inner_space", "remove the spaces between the digits"),
    ("grouping", "thousands separators go every three digits, as in 1,200"),
    ("not_number", "enter a whole number of 0 or more"),
    ("not_date", "write it as 2011-01-16 or 2011/1/16"),
    ("impossible_date", "this date does not exist; check the month and day"),
    ("not_phone", "enter an 11-digit mobile number or a landline with area code, as in 0451-82345678"),
    ("not_integer", "enter a whole number"),
];

const PHRASE: Words = words![
    ("row", "“{}”: "),
    ("column_ref", "column {no} ({header})"),
    ("column_no", "Column"),
    ("total", "Total"),
    ("list_sep", ", "),
    ("t011_missing", "Expected unit “{}” is missing"),
    ("t011_extra", "“{}” is not one of the preset’s units"),
    ("missing", "{} is missing"),
    ("bad_phone", "{f} is not valid (got “{r}”): {h}"),
    ("bad_date", "{f} is not a valid date (got “{r}”): {h}"),
    ("r001_missing", "The unit name is missing"),
    ("r001_duplicate", "The unit name “{}” is duplicated"),
];

/// Sentences of the review, the coverage view and the CLI.
#[cfg(feature = "review")]
const REVIEW_PHRASE: Words = words![
    ("yes", "yes"),
    ("count_orgs", "{}"),
    ("count_people", "{}"),
    ("e018_target", "A “{method}” is of an organisation (on-site reviews are of grassroots organisations, random reviews of units), not of a “{kind}”"),
    ("e018_role", "On-site reviews are made by leading cadres visiting the grassroots; a “{role}” reviews by collective or individual review"),
    ("half_1", "the first half of {year}"),
    ("half_2", "the second half of {year}"),
    ("severity_error", "error"),
    ("severity_warning", "warning"),
    ("severity_info", "info"),
    ("cli_gaps", "Not reviewed: {orgs} organisations, {secretaries} secretaries, {members} members; {not_reviewing} secretaries reviewed nobody"),
    ("cli_counts", "{errors} errors, {warnings} warnings"),
];

/// Why a text cannot be read (`json::ParseKind`, by its id), where (`parse_at`): the CLI's exit 2
/// and the page's `parseErrorText`; not in the statistics form's own module.
#[cfg(feature = "review")]
const PARSE_PHRASE: Words = words![
    ("parse_at", "line {line}, column {column}: {detail}"),
    ("json_syntax", "the JSON is not well formed"),
    ("json_key", "a quoted field name belongs here"),
    ("json_value", "a value belongs here"),
    ("json_eof", "the file ends too early; a } or ] may be missing"),
    ("json_trailing", "there is more text after the end of the document"),
    ("json_comma", "a comma or a bracket is missing here"),
    ("json_colon", "a colon belongs after the field name"),
    ("json_string", "the text has an invalid escape or control character"),
    ("json_number", "the number is not valid"),
    ("json_depth", "it is nested too deeply"),
    ("json_control", "the text has a control character that is not allowed"),
    ("csv_stray_row", "“{cell}” is neither a header field (reporting unit, as-of date…) nor the row of column headers that starts with the unit name"),
    ("csv_no_header", "no row of column headers (starting with the unit name) was found"),
    ("csv_nul", "the file has a NUL character: it is not a text CSV file (save it again as “CSV UTF-8” or “CSV”)"),
    ("csv_quote", "a quote (\") opens a cell here and is never closed: add the closing quote"),
    ("not_a_table", "the file is neither JSON nor a table (CSV): it may be a picture, a Word document or an archive; choose the exported JSON or CSV file"),
    ("not_utf8", "the file is not UTF-8 text and cannot be read"),
    ("too_large", "the file is too large ({size} bytes; at most {max})"),
    ("json_trailing_comma", "there is a comma after the last item: delete it"),
    ("json_data", "the value here is of the wrong type"),
    ("not_rows", "a worksheet is given as rows of cells"),
    ("not_a_date", "the as-of date is not a valid date (write it as 2011-01-16)"),
    ("read_failed", "the file could not be read to its end"),
];

const MESSAGES: Words = words![
    ("T001", "The reporting unit is missing"),
    ("T002", "The batch must be 1 or 2 (got “{value}”)"),
    ("T003", "{@bad_or_missing}"),
    ("T004", "Filed late: the filing date {filed_on} is after the deadline {deadline}"),
    ("T005", "The statistics date {as_of} must not be after the filing date {filed_on}"),
    ("T006", "{@field} is missing"),
    ("T007", "{@bad_or_missing}"),
    ("T008", "Unknown field “{field}” — did you mean {@suggestion}?"),
    ("T009", "Unknown document format “{value}”: expected {expected|format}"),
    ("T010", "The table needs 1 to {max} rows; it has {count}"),
    ("T011", "{@t011}"),
    ("T012", "The “{@field}” section of the written report is empty"),
    ("T013", "Unknown preset “{value}” — did you mean {suggestion|preset}?"),
    ("T014", "CSV line {line} has {extra} cells beyond the {columns} header columns; they were not read: remove them or add headers"),
    ("T015", "The key “{key}” appears twice: the first value was used; delete the repeated one"),
    ("T016", "The written report has three sections (overview, practices, examples); the single text was kept as the overview"),
    ("R001", "{@r001}"),
    ("R002", "{@row}{@field} is missing"),
    ("R003", "{@row}{@field} must be a whole number of 0 or more (got “{raw}”): {@hint}"),
    ("R004", "{@row}{@field} is {value}, above the limit of {max}"),
    ("R010", "{@row}Organisations reviewed ({reviewed}) cannot exceed organisations ({total})"),
    ("R011", "{@row}New-sector organisations reviewed ({reviewed}) cannot exceed their number ({total})"),
    ("R012", "{@row}Secretaries reviewed ({reviewed}) cannot exceed secretaries ({total})"),
    ("R013", "{@row}Secretaries reviewing ({reviewed}) cannot exceed secretaries ({total})"),
    ("R014", "{@row}Members reviewed ({reviewed}) cannot exceed members ({total})"),
    ("R015", "{@row}Mobile members reviewed ({reviewed}) cannot exceed mobile members ({total})"),
    ("R017", "{@row}{@field} ({part}) cannot exceed {@whole} ({total})"),
    ("R020", "{@row}More secretaries ({secretaries}) than organisations ({orgs}); please check"),
    ("R021", "{@row}Fewer than 3 members per organisation on average ({members} members, {orgs} organisations); please check"),
    ("R030", "{@row}Review acts ({methods}) are fewer than organisations plus members reviewed ({needed}): each needs at least one review"),
    ("R031", "{@row}Special talks ({talks}) exceed individual reviews ({individual}): a talk is an individual review"),
    ("R032", "{@row}Problems solved ({solved}) cannot exceed problems found ({found})"),
    ("R040", "{@row}Batch 2: {@field} is only {coverage}; full coverage is not met"),
    ("R041", "{@row}{@field} is given as “{supplied}” but the counts give {computed}: check it"),
    ("P001", "{@row}{@field} fell since batch 1 ({previous} → {current}); cumulative counts should not fall"),
    ("P002", "{@row}{@field} changed by more than 10% since batch 1 ({previous} → {current}); please check"),
    ("P003", "The unit differs from batch 1 (“{previous}” vs “{current}”)"),
    ("P004", "The previous table must be batch 1 (got batch {value})"),
    ("A001", "Children's batches differ (“{unit}” is batch {batch}, expected {expected})"),
    ("A002", "Child unit “{unit}” appears twice"),
    ("A003", "Child unit “{unit}” has {errors} errors of its own"),
    ("N001", "Read “{raw}” as {value}"),
    ("N002", "Read the date “{raw}” as {value}"),
    ("N003", "Read the phone number “{raw}” as {value}"),
    ("N004", "The CSV file has no header fields (unit, batch, dates…); only the rows were checked"),
    ("N005", "The file's totals row and computed columns were ignored; totals are recomputed"),
    ("N006", "The file is not UTF-8; it was read as GBK (GB18030): check that the Chinese text is right"),
    ("X001", "{@field} is too long ({length} characters; at most {max})"),
    ("X002", "Too many items ({count}; at most {max})"),
    ("X003", "The file is too large ({size} bytes; at most {max})"),
    ("X004", "A total is out of range"),
    ("X005", "Too many {code} issues: {more} more are not listed (at most 1000 of one code are listed)"),
];

/// The review codes' templates (O, E, F): not in the statistics form's own module.
#[cfg(feature = "review")]
const REVIEW_MESSAGES: Words = words![
    ("O001", "Roster id “{id}” is duplicated"),
    ("O002", "Organisation “{id}”: parent “{parent}” is unknown or forms a cycle"),
    ("O003", "Member “{id}” belongs to an unknown organisation “{org}”"),
    ("O004", "Organisation “{id}”: secretary “{secretary}” is not a member of it or its children"),
    ("O005", "Branch “{id}” has fewer than 3 members ({count})"),
    ("O006", "Branch “{id}” cannot be above the committee “{child}”"),
    ("O007", "Roster: {@field} is missing or not recognised (got “{raw}”)"),
    ("E001", "Entry id missing or duplicated (“{id}”)"),
    ("E002", "Review date missing, invalid or after today (got “{raw}”)"),
    ("E003", "Review date {date} is outside the campaign ({from} to {to})"),
    ("E004", "Reviewer name or role missing or unknown"),
    ("E005", "Target kind or name missing or unknown"),
    ("E006", "The review method is missing or not recognised (got “{raw}”)"),
    ("E007", "Review content incomplete: {@field} is missing (name achievements, shortcomings and direction)"),
    ("E008", "{@field} is too short (under 8 characters of substance)"),
    ("E009", "{@field} is the same as or nearly the same as in {others} other entries; avoid formulaic reviews"),
    ("E010", "A reviewer who is a {role|role} does not normally review a {kind|kind}; check the responsibility rules"),
    ("E011", "A special talk should be an individual review"),
    ("E012", "Problems solved ({solved}) cannot exceed problems found ({found})"),
    ("E013", "The focus “{tag|focus}” does not fit this kind of target"),
    ("E014", "Id “{id}” is not in the roster"),
    ("E015", "The target is outside the reviewer's organisation and its subtree"),
    ("E016", "A reviewer cannot review themselves"),
    ("E017", "{@field} is not recognised (got “{raw}”)"),
    ("E018", "{@e018}"),
    ("F001", "“{name}” has no review in {@period} (organisations and secretaries are reviewed at least every half-year)"),
];
#[cfg(not(feature = "review"))]
const REVIEW_MESSAGES: Words = "";

/// The native CLI's and the workbook reader's sentences (`cxzy`, `workbook::WorkbookError`): not
/// in either wasm module.
#[cfg(all(feature = "review", not(target_arch = "wasm32")))]
const CLI_PHRASE: Words = words![
    ("workbook_not", "the file is not an Excel workbook (neither .xlsx nor .xls)"),
    ("workbook_password", "the workbook has an opening password: save a copy without a password and check that"),
    ("workbook_damaged", "the file is damaged or is not an Excel {format} workbook"),
    ("workbook_no_table", "no worksheet holds the table: neither “{sheet}” nor any other sheet has the row of column headers that starts with the unit name"),
    ("workbook_write", "the workbook cannot be written"),
    ("too_large_over", "the file is too large (more than {max} bytes)"),
    ("file_not_found", "there is no such file"),
    ("file_denied", "permission to read or write the file is denied"),
    ("file_is_dir", "this is a folder, not a file"),
    ("file_unreadable", "the file cannot be read"),
    ("file_unwritable", "the file cannot be written"),
    ("cli_not_date", "{name}: “{value}” is not a date (write it as 2011-01-16)"),
    ("cli_batch", "--batch is 1 or 2, not {batch}"),
    ("cli_unknown_arg", "unknown option “{arg}”"),
    ("cli_unknown_command", "unknown command “{arg}” (the commands: validate, totals, coverage, aggregate, export)"),
    ("cli_missing_arg", "missing: {arg}"),
    ("cli_no_command", "which command? validate, totals, coverage, aggregate or export"),
    ("cli_bad_value", "“{value}” is not a valid value of {arg}"),
    ("cli_conflict", "{arg} cannot be used with {other}"),
    ("cli_usage", "the command line is not valid"),
    ("cli_locale", "unknown language “{locale}” (use zh-CN or en)"),
    ("cli_first", "; first: {code} {path}: {message}"),
    ("cli_file_counts", "{file}: {errors} errors, {warnings} warnings"),
    ("cli_file_unreadable", "{file}: cannot be read ({why})"),
    ("cli_files_total", "{n} files: {passed} without errors, {failed} with errors, {unreadable} unreadable; {errors} errors, {warnings} warnings in all"),
    ("cli_totals_note", "note: the table has {errors} errors; totals are indicative (see cxzy validate)"),
    ("cli_name_column", "Unit"),
    ("cli_see_help", "See cxzy --help (or cxzy COMMAND --help)."),
];
#[cfg(all(feature = "review", target_arch = "wasm32"))]
const CLI_PHRASE: Words = "";

/// `cxzy --help`, `cxzy COMMAND --help` and the usage line: the headings, the flags' and the
/// commands' help, the placeholders (`cli_value_*`). Native CLI only.
#[cfg(all(feature = "review", not(target_arch = "wasm32")))]
const CLI_HELP: Words = words![
    ("cli_heading_usage", "Usage"),
    ("cli_heading_commands", "Commands"),
    ("cli_heading_arguments", "Arguments"),
    ("cli_heading_options", "Options"),
    ("cli_options_tag", "[OPTIONS]"),
    ("cli_value_command", "COMMAND"),
    ("cli_value_file", "FILE"),
    ("cli_value_date", "DATE"),
    ("cli_value_batch", "N"),
    ("cli_value_unit", "NAME"),
    ("cli_value_locale", "LOCALE"),
    ("cli_help_help", "Print help"),
    ("cli_help_version", "Print the version"),
    ("cli_help_locale", "The language of messages and results: zh-CN or en; when not given, the system's locale (LC_ALL, LC_MESSAGES, LANG): en if it starts with en, zh-CN otherwise"),
    ("cli_about", "The leaders' review statistics table of the campaign: check files offline before upload, compute totals and coverage, roll sub-units' tables up"),
    ("cli_about_validate", "Check statistics tables (JSON, CSV or Excel), rosters or review entries; several files: one line per file and a total, the exit status the worst of them"),
    ("cli_help_validate_files", "The files to check (- for standard input)"),
    ("cli_help_validate_previous", "Batch 1 of the same unit, to compare a batch-2 table with"),
    ("cli_help_validate_roster", "A roster, to check entries against (ids in the roster, targets within the reviewer's organisation)"),
    ("cli_help_validate_today", "Take this date as today, for reproducible runs (entries dated later are errors)"),
    ("cli_help_validate_json", "Print the issues as one JSON array"),
    ("cli_about_totals", "Print the computed view of a table: the total row, the methods' totals and the coverages"),
    ("cli_help_totals_file", "The table (JSON, CSV or Excel; - for standard input)"),
    ("cli_help_totals_json", "Print it as JSON"),
    ("cli_about_coverage", "Derive the statistics table and the gap lists from a roster and review entries"),
    ("cli_help_coverage_roster", "The roster"),
    ("cli_help_coverage_entries", "The review entries"),
    ("cli_help_coverage_as_of", "The as-of date"),
    ("cli_help_coverage_batch", "The batch: 1 or 2"),
    ("cli_help_coverage_unit", "The reporting unit"),
    ("cli_help_coverage_json", "Print the table, the gap lists and the issues as JSON"),
    ("cli_about_aggregate", "Roll sub-units' tables up into the parent's table (one row per sub-unit)"),
    ("cli_help_aggregate_files", "The sub-units' tables"),
    ("cli_help_aggregate_unit", "The parent's reporting unit"),
    ("cli_help_aggregate_batch", "The batch: 1 or 2 (when not given, the sub-units' batch)"),
    ("cli_about_export", "Write a table as CSV (UTF-8 with BOM, Chinese headers) or as an Excel workbook in the official layout (.xlsx, needs -o)"),
    ("cli_help_export_file", "The table (JSON, CSV or Excel; - for standard input)"),
    ("cli_help_export_csv", "Write CSV"),
    ("cli_help_export_xlsx", "Write an Excel workbook (.xlsx)"),
    ("cli_help_export_output", "Write to this file instead of standard output"),
    ("cli_about_help", "Print this help or the help of a command"),
    ("cli_help_help_command", "The command to print the help of"),
];
#[cfg(all(feature = "review", target_arch = "wasm32"))]
const CLI_HELP: Words = "";

// ---- The pages' own words (`meta().ui`): see zh_cn.rs ----

/// The statistics form's words. Not in the form's own wasm module (its download budget): there,
/// only the default locale's (zh-CN) ship, and scripts/build-pkg.sh writes the other locales'
/// into the form's second module (stats-more.js, more-words.js), read from the full module.
#[cfg(feature = "review")]
const UI_FORM: Words = words![
    ("title", "Leaders’ Reviews in the Strive-for-Excellence Campaign: Statistics Table"),
    ("receiver", "To: "),
    ("batchN", "Batch {n}"),
    ("deadlineAuto", " (preset: {preset})"),
    ("reported_on", "Reported on"),
    ("report", "Written report"),
    ("overview", "1. Overview"),
    ("practices", "2. Outstanding practices"),
    ("examples", "3. Typical examples"),
    ("open", "Open file…"),
    ("saveJson", "Save JSON"),
    ("saveCsv", "Export CSV"),
    ("saveXlsx", "Export Excel"),
    ("print", "Print"),
    ("submit", "Check and submit"),
    ("addRow", "Add a row"),
    ("removeRow", "Remove row “{name}”"),
    ("language", "中文"),
    ("summaryTitle", "Check results"),
    ("summaryErrors", "{errors} errors, {warnings} warnings"),
    ("more", "… and {n} more"),
    ("errorPrefix", "Error: "),
    ("warningPrefix", "Warning: "),
    ("noIssues", "No problems found"),
    ("restored", "Restored the draft saved automatically."),
    ("restoredAt", "Restored the draft saved automatically at {time}."),
    ("discard", "Discard draft"),
    ("rowLabel", "{row}, {column}"),
    ("headerCell", "{group}: {label}"),
    ("colon", ": "),
    ("ofUnit", "{unit}: {message}"),
    ("undo", "Undo"),
    ("redo", "Redo"),
    ("find", "Find a unit"),
    ("findLabel", "Filter rows"),
    ("onlyProblems", "Only rows with problems"),
    ("signUnit", "Unit (seal)"),
    ("signed", " (signature)"),
    ("pageOf", "Page {page} of {pages}"),
    ("draftAside", "The draft saved last time is damaged or in an old format and cannot be restored: it was kept as “{key}”; the form starts fresh."),
    ("draftOff", "The browser has disabled local storage, so drafts are not saved: use “Save JSON” before you finish."),
    ("draftFull", "The browser’s storage is full, so the draft was not saved: use “Save JSON” to keep your entries, or free some storage."),
    ("draftNewer", "Another window saved a newer draft of this table; autosave is paused here so as not to overwrite it."),
    ("draftNewerAt", "Another window saved a newer draft of this table at {time}; autosave is paused here so as not to overwrite it."),
    ("draftLoad", "Load the newer draft"),
    ("draftKeep", "Keep this window’s table"),
    ("pasted", "Pasted {n} cells."),
    ("pasteOutside", " {n} fell outside the table and were not pasted."),
    ("pasteNames", " {n} fell on read-only unit names and were not pasted."),
    ("pasteChecked", " {n} fell on computed columns, checked, not pasted: {result}."),
    ("pasteDiffers", "different from the computed value — {list}"),
    ("pasteSame", "all equal to the computed values"),
    ("pasteCell", "“{unit}” column {no}: pasted {value}, computed {computed}"),
    ("pasteSep", "; "),
    ("replaceAsk", "Opening “{name}” replaces what has been typed in the table (Undo brings it back). Continue?"),
    ("replaceYes", "Open and replace"),
    ("cancel", "Cancel"),
    ("back", "Go back"),
    ("blocked", "There are errors: fix the problems below before submitting or exporting."),
    ("confirmWarnings", "There are {n} warnings. Check them before you continue."),
    ("discarded", "Draft discarded."),
    ("found", "Showing {n} of {all} rows"),
    ("opened", "Opened “{name}”."),
    ("proceed", "Checked — continue"),
    ("saved", "File created."),
    ("unreadable", "Cannot read “{name}”: {why}"),
    ("submitted", "No errors: submitted."),
];

#[cfg(not(feature = "review"))]
const UI_FORM: Words = "";

#[cfg(feature = "review")]
const UI_LOAD: Words = words![
    ("failed", "The {what} could not load ({msg}): publish the .wasm files next to the script, as application/wasm."),
    ("stats", "statistics form"),
    ("review", "review entry form"),
    ("rollup", "roll-up"),
];

#[cfg(feature = "review")]
const UI_ENTRY: Words = words![
    ("title", "Leader’s Review Record"),
    ("summaryTitle", "Review record check"),
    ("counts", "{errors} errors, {warnings} warnings"),
    ("noIssues", "No problems found"),
    ("errorPrefix", "Error: "),
    ("warningPrefix", "Warning: "),
    ("check", "Check and record"),
    ("print", "Print"),
    ("clear", "Clear"),
    ("language", "中文"),
    ("blocked", "There are errors: fix the problems below before recording."),
    ("recorded", "No errors: recorded."),
    ("cleared", "Cleared."),
    ("sTarget", "Reviewed"),
    ("sReviewer", "Reviewer"),
    ("sAct", "The review"),
    ("sContent", "What was said"),
    ("sResult", "Outcome"),
    ("id", "Record id"),
    ("date", "Date"),
    ("datePh", "2010-12-20"),
    ("target/kind", "Kind"),
    ("target/name", "Reviewed"),
    ("target/nameOrg", "Organisation"),
    ("target/namePerson", "Name"),
    ("target/id", "Roster id"),
    ("target/org", "Organisation"),
    ("reviewer/name", "Reviewer"),
    ("reviewer/role", "Position"),
    ("reviewer/id", "Reviewer’s roster id"),
    ("reviewer/org", "Reviewer’s organisation"),
    ("focusFirst", "Choose the kind first"),
    ("required", " (required)"),
    ("optional", " (optional)"),
    ("choose", "Choose"),
    ("none", "—"),
    ("rosterHint", "Roster: {n}"),
];

#[cfg(feature = "review")]
const UI_COVERAGE: Words = words![
    ("coverage", "Review coverage"),
    ("unit", "Unit"),
    ("gaps", "Not yet covered"),
    ("filter", "Filter"),
    ("filterPh", "Name, id, organisation or unit"),
    ("csv", "Export CSV"),
    ("shownSome", "First {n} of {all} shown (the export has all)"),
    ("shownAll", "{all} in all"),
    ("none", "None"),
    ("count", "（{n}）"),
];

#[cfg(feature = "review")]
const UI_ROLLUP: Words = words![
    ("title", "Roll-up of the sub-units’ tables"),
    ("pick", "Choose files…"),
    ("clear", "Remove all"),
    ("remove", "Remove “{file}”"),
    ("removeShort", "Remove"),
    ("drop", "Drop the sub-units’ tables here (JSON or CSV, several at once), or"),
    ("dropNow", "Release to add"),
    ("received", "{n} files received, {tables} of them sub-units’ tables."),
    ("none", "No sub-unit table received yet."),
    ("filesCaption", "Files received"),
    ("colResult", "Result"),
    ("colUnit", "Unit"),
    ("colBatch", "Batch"),
    ("colErrors", "Errors"),
    ("colWarnings", "Warnings"),
    ("colProblems", "Main problems"),
    ("colFile", "File"),
    ("batchN", "Batch {n}"),
    ("ok", "Passed"),
    ("bad", "Has errors"),
    ("unread", "Cannot be read"),
    ("all", "All {n} problems"),
    ("noProblems", "No problems found"),
    ("prevFor", "Batch 1, compared with “{file}”"),
    ("prevWaiting", "Batch 1; this unit’s batch 2 not received yet"),
    ("prevDup", "Batch 1 again (“{file}” is used): not used"),
    ("comparedWith", "Compared with batch 1 “{file}”"),
    ("checks", "Roll-up checks"),
    ("checksOk", "All sub-units’ tables are of the same batch and no unit is there twice."),
    ("refused", "Cannot roll up: deal with these errors first."),
    ("missing", "Expected, not yet received ({n} units)"),
    ("missingNone", "Every expected unit has reported."),
    ("missingOf", "Units expected by “{preset}”"),
    ("unreadableNote", "“{file}” cannot be read: {why}"),
    ("parent", "Rolled-up table: {unit}{batch}"),
    ("noUnit", "(no unit given)"),
    ("parentBatch", ", batch {n}"),
    ("parentNote", "Read-only. Export it and complete the header, dates and written report in the statistics form before sending it up."),
    ("saveJson", "Export table (JSON)"),
    ("saveCsv", "Export table (CSV)"),
    ("saveXlsx", "Export table (Excel)"),
    ("print", "Print table"),
    ("saved", "File created."),
    ("notJsonCsv", "Not a JSON or CSV file"),
    ("excel", "The Excel workbook cannot be read: "),
    ("tooLarge", "File too large ({n} bytes, at most {max})"),
    ("roster", "This is a roster (cxzy-roster/1), not a statistics table"),
    ("entries", "These are review entries (cxzy-entries/1), not a statistics table"),
    ("notTable", "Not a statistics table (format “{format}”, expected {expected})"),
    ("notObject", "Not a statistics table (expected a JSON object)"),
    ("unparsable", "Cannot parse {kind}: {why}"),
    ("errorPrefix", "Error: "),
    ("warningPrefix", "Warning: "),
    ("fileSuffix", "rollup"),
];

#[cfg(feature = "review")]
const UI_EXCEL: Words = words![
    ("notWorkbook", "not an Excel workbook"),
    ("noSheet", "the workbook has no worksheet"),
    ("password", "the workbook is password-protected: save a copy without a password"),
    ("damaged", "damaged workbook: {why}"),
    ("footer", "Page {page} of {pages}"),
    ("font", "Arial"),
    ("dateFormat", "yyyy-mm-dd"),
];

catalogue!("en");
