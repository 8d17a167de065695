# The app's texts in English (second language). One line: `key = text`.
# Both files must have exactly the same keys (checked at build time).
# `{name}` is replaced by a value. Error messages are `error_<code>`.

site_name = Pass+
site_tagline = Hauts-de-Seine and Yvelines
skip_to_content = Skip to main content
nav_main_label = Main menu
nav_footer_label = About this site
footer_accessibility = Accessibility: not compliant
footer_publisher = Pass+ is a service of the Département des Hauts-de-Seine and the Département des Yvelines.
language_switch_label = English
error_prefix = Error:
error_summary_title = There is a problem
error_unknown = This value is not accepted. Check it and try again.

# Shared rules (error codes)
error_uai_empty = Enter the collège’s UAI code, for example 0921243B.
error_uai_length = A UAI code is 7 digits followed by a letter, for example 0921243B.
error_uai_not_digits = A UAI code starts with 7 digits, followed by a letter, for example 0921243B.
error_uai_check_letter = The last letter of this UAI code does not match its 7 digits: check the code, for example 0921243B.
error_query_too_short = Enter at least 2 characters: a name, a commune, a postal code or a UAI code.
error_query_too_long = Enter 100 characters or fewer.

# Pages
home_title = Home
home_heading = Pass+, the grant for collège pupils of the Hauts-de-Seine and the Yvelines
find_title = Find my collège
accessibility_title = Accessibility statement
privacy_title = Personal data
legal_title = Legal notice
not_found_title = Page not found
not_found_text = The address does not match any Pass+ page. If you typed it, check it; if you followed a link, it is no longer valid.
not_found_home_link = Go back to the Pass+ home page

# Find my collège
find_intro = Find a public collège of the Hauts-de-Seine or the Yvelines and its UAI code, the school’s national identifier.
find_field_label = Collège name, commune, postal code or UAI code
find_field_hint = Examples: Anne Frank, Antony, 92160 or 0921243B
find_submit = Search
find_status_none = No collège matches “{text}”. Check the spelling or try the commune.
find_status_one = 1 collège found.
find_status_many = {count} collèges found.
find_status_more = More than {count} collèges match: the first {count} are shown. Refine your search.
find_status_network = The search did not go through: check your Internet connection, then try again.
find_status_server = The search is unavailable for the moment. Try again in a few minutes.
find_results_heading = Results
find_uai_label = UAI code:
find_not_run_by_departement = No Département runs this public collège: its canteen is not part of Pass+.
departement_92 = Hauts-de-Seine (92)
departement_78 = Yvelines (78)

# Personal data
privacy_intro = This page describes each processing of personal data by the Pass+ service: who is responsible, why, on what legal basis, which data, how long it is kept, who receives it and what your rights are.
privacy_controllers = Controllers
privacy_purposes = Purposes
privacy_legal_basis = Legal basis
privacy_data_and_retention = Data and how long it is kept
privacy_column_data = Data
privacy_column_examples = Examples
privacy_column_retention = Kept for
privacy_recipients = Recipients
privacy_transfers = Transfers outside the European Union
privacy_transfers_none = None: the data stays in the European Union.
privacy_transfers_yes = Yes: see the details below.
privacy_rights = Your rights
privacy_notes = Good to know
retention_school_years_one = As long as the pupil uses the service, then {n} school year after the last enrolment.
retention_school_years_other = As long as the pupil uses the service, then {n} school years after the last enrolment.
retention_benefit_one = {n} year after the right to the benefit ends (or after a final decision in case of litigation).
retention_benefit_other = {n} years after the right to the benefit ends (or after a final decision in case of litigation).
retention_contact_one = {n} year after the last contact.
retention_contact_other = {n} years after the last contact.
retention_session = Until the end of the browsing session.
right_access = Access to your data and a copy of it
right_rectification = Rectification
right_erasure = Erasure
right_restriction = Restriction of processing
right_objection = Objection to processing
right_complaint = Complaint to the CNIL
privacy_device_heading = Cookies and storage on your device
privacy_device_intro = Pass+ stores on your device only what is strictly necessary for the service you ask for:
storage_cookie = Cookie
storage_local = Local storage
storage_lifetime = Kept:
storage_no_consent = Strictly necessary: your consent is not required.
storage_needs_consent = Set only with your consent.
storage_in_use = In use today.
storage_not_yet = Not used yet: it will come with Pass+ accounts.
privacy_no_banner = Pass+ sets no audience-measurement or advertising cookie and loads no third-party script, font or tracker. That is why no consent banner is shown to you.
privacy_rights_heading = Exercising your rights
privacy_rights_intro = To exercise your rights, write to the data protection officer (DPO) of the Département des Hauts-de-Seine.
privacy_dpo_email = By e-mail:
privacy_dpo_post = By post:
privacy_cnil = If, after contacting us, you consider that your rights are not respected, you can lodge a complaint with the CNIL:
