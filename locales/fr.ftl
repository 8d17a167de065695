# Textes de l'application en français (langue par défaut). Une ligne : `clé = texte`.
# Les deux fichiers doivent avoir exactement les mêmes clés (vérifié à la compilation).
# `{nom}` est remplacé par une valeur. Les messages d'erreur sont `error_<code>`.

site_name = Pass+
site_tagline = Hauts-de-Seine et Yvelines
skip_to_content = Aller au contenu
nav_main_label = Menu principal
nav_footer_label = Informations sur le site
footer_accessibility = Accessibilité : non conforme
footer_publisher = Pass+ est un service du Département des Hauts-de-Seine et du Département des Yvelines.
language_switch_label = Français
error_prefix = Erreur :
error_summary_title = Il y a un problème
error_unknown = Cette valeur n’est pas acceptée. Vérifiez-la et réessayez.

# Règles partagées (codes d'erreur)
error_uai_empty = Saisissez le code UAI du collège, par exemple 0921243B.
error_uai_length = Le code UAI doit comporter 7 chiffres suivis d’une lettre, par exemple 0921243B.
error_uai_not_digits = Le code UAI commence par 7 chiffres, suivis d’une lettre, par exemple 0921243B.
error_uai_check_letter = La lettre finale de ce code UAI ne correspond pas à ses 7 chiffres : vérifiez le code, par exemple 0921243B.
error_query_too_short = Saisissez au moins 2 caractères : un nom, une commune, un code postal ou un code UAI.
error_query_too_long = Saisissez 100 caractères au plus.

# Pages
home_title = Accueil
home_heading = Pass+, l’aide des collégiens des Hauts-de-Seine et des Yvelines
find_title = Trouver mon collège
accessibility_title = Déclaration d’accessibilité
privacy_title = Données personnelles
legal_title = Mentions légales
not_found_title = Page introuvable
not_found_text = L’adresse saisie ne correspond à aucune page de Pass+. Si vous l’avez tapée, vérifiez-la ; si vous avez suivi un lien, il n’est plus valable.
not_found_home_link = Revenir à l’accueil de Pass+

# Trouver mon collège
find_intro = Retrouvez un collège public des Hauts-de-Seine ou des Yvelines et son code UAI, l’identifiant national de l’établissement.
find_field_label = Nom du collège, commune, code postal ou code UAI
find_field_hint = Exemples : Anne Frank, Antony, 92160 ou 0921243B
find_submit = Rechercher
find_status_none = Aucun collège ne correspond à « {text} ». Vérifiez l’orthographe ou essayez la commune.
find_status_one = 1 collège trouvé.
find_status_many = {count} collèges trouvés.
find_status_more = Plus de {count} collèges correspondent : les {count} premiers sont affichés. Précisez votre recherche.
find_status_network = La recherche n’a pas abouti : vérifiez votre connexion à Internet, puis réessayez.
find_status_server = La recherche est momentanément indisponible. Réessayez dans quelques minutes.
find_results_heading = Résultats
find_uai_label = Code UAI :
find_not_run_by_departement = Ce collège public n’est géré par aucun Département : sa cantine ne relève pas de Pass+.
departement_92 = Hauts-de-Seine (92)
departement_78 = Yvelines (78)

# Données personnelles
privacy_intro = Cette page décrit chaque traitement de données personnelles du service Pass+ : qui en est responsable, pourquoi, sur quelle base légale, quelles données, combien de temps elles sont conservées, qui les reçoit et quels sont vos droits.
privacy_controllers = Responsables du traitement
privacy_purposes = Finalités
privacy_legal_basis = Base légale
privacy_data_and_retention = Données et durées de conservation
privacy_column_data = Données
privacy_column_examples = Exemples
privacy_column_retention = Durée de conservation
privacy_recipients = Destinataires
privacy_transfers = Transferts hors de l’Union européenne
privacy_transfers_none = Aucun : les données restent dans l’Union européenne.
privacy_transfers_yes = Oui : voir les précisions ci-dessous.
privacy_rights = Vos droits
privacy_notes = À savoir
retention_school_years_one = Tant que l’élève utilise le service, puis {n} année scolaire après sa dernière inscription.
retention_school_years_other = Tant que l’élève utilise le service, puis {n} années scolaires après sa dernière inscription.
retention_benefit_one = {n} an après la fin du droit à la prestation (ou après une décision définitive en cas de litige).
retention_benefit_other = {n} ans après la fin du droit à la prestation (ou après une décision définitive en cas de litige).
retention_contact_one = {n} an après le dernier contact.
retention_contact_other = {n} ans après le dernier contact.
retention_session = Jusqu’à la fin de la session de navigation.
right_access = Accès à vos données et copie de celles-ci
right_rectification = Rectification
right_erasure = Effacement
right_restriction = Limitation du traitement
right_objection = Opposition au traitement
right_complaint = Réclamation auprès de la CNIL
privacy_device_heading = Cookies et stockage sur votre appareil
privacy_device_intro = Pass+ n’enregistre sur votre appareil que ce qui est strictement nécessaire au service que vous demandez :
storage_cookie = Cookie
storage_local = Stockage local
storage_lifetime = Durée :
storage_no_consent = Strictement nécessaire : votre consentement n’est pas requis.
storage_needs_consent = Déposé seulement avec votre accord.
storage_in_use = Utilisé aujourd’hui.
storage_not_yet = Pas encore utilisé : il arrivera avec les comptes Pass+.
privacy_no_banner = Pass+ ne dépose aucun cookie de mesure d’audience ni de publicité et ne charge aucun script, police ou traceur d’un tiers. C’est pourquoi aucun bandeau de consentement ne vous est présenté.
privacy_rights_heading = Exercer vos droits
privacy_rights_intro = Pour exercer vos droits, écrivez au délégué à la protection des données (DPO) du Département des Hauts-de-Seine.
privacy_dpo_email = Par courriel :
privacy_dpo_post = Par courrier :
privacy_cnil = Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL :
