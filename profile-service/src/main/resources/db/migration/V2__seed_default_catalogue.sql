-- Seeds the default attribute catalogue of the credit-scoring API: the attributes (grouped by
-- category, ordered by a global position), their choices (including the ISO 3166-1 country list
-- in French for the three country attributes) and the choices that make another attribute required.

-- ---------------------------------------------------------------------------------------------
-- Attributes
-- ---------------------------------------------------------------------------------------------

-- personal data
INSERT INTO attributes (name, displayed_name, type, category, position, is_required)
VALUES ('lastname', 'Nom', 'string', 'personal data', 1, true);
INSERT INTO attributes (name, displayed_name, type, category, position, is_required)
VALUES ('firstname', 'Prénom', 'string', 'personal data', 2, true);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('gender', 'Genre', 'choice', 'personal data', 3, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, regex)
VALUES ('email', 'Email', 'string', 'personal data', 4, true, 'regex', '^\S+@\S+\.\S+$');
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, regex)
VALUES ('phone_number', 'Numéro de téléphone', 'string', 'personal data', 5, true, 'regex',
        '^(?:(?:\+|00)33|0)\s*[1-9](?:[\s.-]*\d{2}){4}$');
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, min_date)
VALUES ('birth_date', 'Date de naissance', 'date', 'personal data', 6, true, 'min/max date', DATE '1900-01-01');
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('birth_country', 'Pays de naissance', 'choice', 'personal data', 7, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('birth_town', 'Ville de naissance', 'string', 'personal data', 8);

-- identity document
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('identity_document_type', 'Type de pièce d''identité', 'choice', 'identity document', 9, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, validation, min_length, max_length)
VALUES ('identity_document_number', 'Numéro de pièce d''identité', 'string', 'identity document', 10, true,
        'min/max length', 5, 30);

-- address
INSERT INTO attributes (name, displayed_name, type, category, position, validation, max_length)
VALUES ('billing_address1', 'Adresse de facturation', 'string', 'address', 11, 'min/max length', 255);
INSERT INTO attributes (name, displayed_name, type, category, position, validation, max_length)
VALUES ('billing_address2', 'Complément d''adresse de facturation', 'string', 'address', 12, 'min/max length', 255);
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('billing_zip_code', 'Code postal de facturation', 'string', 'address', 13);
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('billing_town', 'Ville de facturation', 'string', 'address', 14);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('billing_country', 'Pays de facturation', 'choice', 'address', 15, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, max_length)
VALUES ('delivery_address1', 'Adresse de livraison', 'string', 'address', 16, true, 'min/max length', 255);
INSERT INTO attributes (name, displayed_name, type, category, position, validation, max_length)
VALUES ('delivery_address2', 'Complément d''adresse de livraison', 'string', 'address', 17, 'min/max length', 255);
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('delivery_zip_code', 'Code postal de livraison', 'string', 'address', 18);
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('delivery_town', 'Ville de livraison', 'string', 'address', 19);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('delivery_country', 'Pays de livraison', 'choice', 'address', 20, 'unique choice');

-- housing situation
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('housing_situation', 'Situation de logement', 'choice', 'housing situation', 21, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('other_housing_situation', 'Autre situation de logement', 'string', 'housing situation', 22);

-- family situation (no validation, as in the original seed)
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('family_situation', 'Situation familiale', 'choice', 'family situation', 23);

-- children
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('children_number', 'Nombre d''enfants', 'integer', 'children', 24, 'min/max value', 0, 20);

-- professional situation
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('professional_situation', 'Situation professionnelle', 'choice', 'professional situation', 25, 'unique choice');

-- product usage
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('product_usage', 'Usage du produit', 'choice', 'product usage', 26, 'unique choice');

-- income and expenses
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, min_value, max_value)
VALUES ('monthly_income', 'Revenus mensuels', 'integer', 'income and expenses', 27, true, 'min/max value', 0, 1000000);
INSERT INTO attributes (name, displayed_name, type, category, position, is_required, validation, min_value, max_value)
VALUES ('monthly_charges', 'Charges mensuelles', 'integer', 'income and expenses', 28, true, 'min/max value', 0, 1000000);

-- diverse
INSERT INTO attributes (name, displayed_name, type, category, position)
VALUES ('scholarship_student', 'Étudiant boursier', 'boolean', 'diverse', 29);
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('years_in_current_job', 'Ancienneté dans l''emploi actuel (années)', 'integer', 'diverse', 30, 'min/max value', 0, 60);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('means_of_movement', 'Moyens de déplacement', 'choice', 'diverse', 31, 'multiple choice');

-- credit request
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('requested_amount', 'Montant demandé (€)', 'integer', 'credit request', 32, 'min/max value', 100, 1000000);
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('credit_duration_months', 'Durée du crédit (mois)', 'integer', 'credit request', 33, 'min/max value', 1, 360);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('credit_purpose', 'Objet du crédit', 'choice', 'credit request', 34, 'unique choice');

-- banking
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('checking_account_status', 'Situation du compte courant', 'choice', 'banking', 35, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('savings_amount', 'Épargne disponible (€)', 'integer', 'banking', 36, 'min/max value', 0, 10000000);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('credit_history', 'Historique de crédit', 'choice', 'banking', 37, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('existing_credits_number', 'Nombre de crédits en cours', 'integer', 'banking', 38, 'min/max value', 0, 20);
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('other_credits', 'Autres crédits en cours', 'choice', 'banking', 39, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('guarantor', 'Garant ou co-emprunteur', 'choice', 'banking', 40, 'unique choice');

-- assets
INSERT INTO attributes (name, displayed_name, type, category, position, validation)
VALUES ('assets', 'Patrimoine', 'choice', 'assets', 41, 'unique choice');
INSERT INTO attributes (name, displayed_name, type, category, position, validation, min_value, max_value)
VALUES ('years_at_current_address', 'Ancienneté à l''adresse actuelle (années)', 'integer', 'assets', 42,
        'min/max value', 0, 100);

-- documents (10 MiB max each)
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, accepted_format, max_size)
VALUES ('bank_statement', 'Relevé bancaire', 'file', 'documents', 43, true, 'pdf', 10485760);
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, accepted_format, max_size)
VALUES ('proof_of_address', 'Justificatif de domicile', 'file', 'documents', 44, true, 'pdf', 10485760);
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, accepted_format, max_size)
VALUES ('identity_document', 'Pièce d''identité', 'file', 'documents', 45, true, 'pdf,jpg,png', 10485760);
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, accepted_format, max_size)
VALUES ('payslip', 'Bulletin de salaire', 'file', 'documents', 46, true, 'pdf', 10485760);
INSERT INTO attributes (name, displayed_name, type, category, position, sensitive_data, accepted_format, max_size)
VALUES ('tax_notice', 'Avis d''imposition', 'file', 'documents', 47, true, 'pdf', 10485760);

-- ---------------------------------------------------------------------------------------------
-- Choices. c.requires names the attribute that choosing the value makes required (or NULL).
-- ---------------------------------------------------------------------------------------------

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('M', 1), ('F', 2), ('autre genre', 3)) AS c(name, pos)
WHERE a.name = 'gender';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('CI', 1), ('passeport', 2), ('carte_sejour', 3)) AS c(name, pos)
WHERE a.name = 'identity_document_type';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, (SELECT r.id FROM attributes r WHERE r.name = c.requires)
FROM attributes a CROSS JOIN (VALUES
    ('locataire', 1, NULL),
    ('colocataire', 2, NULL),
    ('propriétaire', 3, NULL),
    ('accédant_propriété', 4, NULL),
    ('hébergé_gratuit', 5, NULL),
    ('autre situation d''habilitation', 6, 'other_housing_situation')
) AS c(name, pos, requires)
WHERE a.name = 'housing_situation';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('célibataire', 1), ('marié_pacsé', 2), ('séparé_divorcé', 3)) AS c(name, pos)
WHERE a.name = 'family_situation';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, (SELECT r.id FROM attributes r WHERE r.name = c.requires)
FROM attributes a CROSS JOIN (VALUES
    ('étudiant', 1, 'scholarship_student'),
    ('cadre', 2, 'years_in_current_job'),
    ('entrepreneur_chef_entreprise', 3, 'years_in_current_job'),
    ('indépendant_libéral', 4, 'years_in_current_job'),
    ('fonction_publique', 5, 'years_in_current_job'),
    ('salarié', 6, 'years_in_current_job'),
    ('autre situation professionnelle', 7, 'years_in_current_job'),
    ('recherche_emploi', 8, NULL)
) AS c(name, pos, requires)
WHERE a.name = 'professional_situation';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('études', 1), ('loisir', 2), ('professionnel', 3)) AS c(name, pos)
WHERE a.name = 'product_usage';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('marche', 1), ('vélo', 2), ('auto', 3), ('moto', 4)) AS c(name, pos)
WHERE a.name = 'means_of_movement';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES
    ('voiture_neuve', 1),
    ('voiture_occasion', 2),
    ('mobilier_équipement', 3),
    ('électroménager', 4),
    ('radio_télévision', 5),
    ('travaux', 6),
    ('études', 7),
    ('vacances', 8),
    ('reconversion_professionnelle', 9),
    ('activité_professionnelle', 10),
    ('autre', 11)
) AS c(name, pos)
WHERE a.name = 'credit_purpose';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES
    ('débiteur', 1),
    ('créditeur_moins_200', 2),
    ('créditeur_200_et_plus', 3),
    ('pas_de_compte_courant', 4)
) AS c(name, pos)
WHERE a.name = 'checking_account_status';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES
    ('aucun_crédit', 1),
    ('crédits_remboursés', 2),
    ('crédits_en_cours_à_jour', 3),
    ('retards_passés', 4),
    ('compte_critique', 5)
) AS c(name, pos)
WHERE a.name = 'credit_history';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('aucun', 1), ('banque', 2), ('magasin', 3)) AS c(name, pos)
WHERE a.name = 'other_credits';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES ('aucun', 1), ('co_emprunteur', 2), ('garant', 3)) AS c(name, pos)
WHERE a.name = 'guarantor';

INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES
    ('immobilier', 1),
    ('assurance_vie_épargne_logement', 2),
    ('voiture_autre', 3),
    ('aucun', 4)
) AS c(name, pos)
WHERE a.name = 'assets';

-- Countries: ISO 3166-1 alpha-2 codes, French names (JDK/CLDR, typographic apostrophes
-- normalised to '), sorted with the French collator; shared by the three country attributes.
INSERT INTO attribute_choices (attribute_id, displayed_name, position, requires_attribute_id)
SELECT a.id, c.name, c.pos, NULL
FROM attributes a CROSS JOIN (VALUES
    ('Afghanistan', 1),
    ('Afrique du Sud', 2),
    ('Albanie', 3),
    ('Algérie', 4),
    ('Allemagne', 5),
    ('Andorre', 6),
    ('Angola', 7),
    ('Anguilla', 8),
    ('Antarctique', 9),
    ('Antigua-et-Barbuda', 10),
    ('Arabie saoudite', 11),
    ('Argentine', 12),
    ('Arménie', 13),
    ('Aruba', 14),
    ('Australie', 15),
    ('Autriche', 16),
    ('Azerbaïdjan', 17),
    ('Bahamas', 18),
    ('Bahreïn', 19),
    ('Bangladesh', 20),
    ('Barbade', 21),
    ('Belgique', 22),
    ('Belize', 23),
    ('Bénin', 24),
    ('Bermudes', 25),
    ('Bhoutan', 26),
    ('Biélorussie', 27),
    ('Bolivie', 28),
    ('Bosnie-Herzégovine', 29),
    ('Botswana', 30),
    ('Brésil', 31),
    ('Brunei', 32),
    ('Bulgarie', 33),
    ('Burkina Faso', 34),
    ('Burundi', 35),
    ('Cambodge', 36),
    ('Cameroun', 37),
    ('Canada', 38),
    ('Cap-Vert', 39),
    ('Chili', 40),
    ('Chine', 41),
    ('Chypre', 42),
    ('Colombie', 43),
    ('Comores', 44),
    ('Congo-Brazzaville', 45),
    ('Congo-Kinshasa', 46),
    ('Corée du Nord', 47),
    ('Corée du Sud', 48),
    ('Costa Rica', 49),
    ('Côte d''Ivoire', 50),
    ('Croatie', 51),
    ('Cuba', 52),
    ('Curaçao', 53),
    ('Danemark', 54),
    ('Djibouti', 55),
    ('Dominique', 56),
    ('Égypte', 57),
    ('Émirats arabes unis', 58),
    ('Équateur', 59),
    ('Érythrée', 60),
    ('Espagne', 61),
    ('Estonie', 62),
    ('Eswatini', 63),
    ('État de la Cité du Vatican', 64),
    ('États-Unis', 65),
    ('Éthiopie', 66),
    ('Fidji', 67),
    ('Finlande', 68),
    ('France', 69),
    ('Gabon', 70),
    ('Gambie', 71),
    ('Géorgie', 72),
    ('Géorgie du Sud-et-les Îles Sandwich du Sud', 73),
    ('Ghana', 74),
    ('Gibraltar', 75),
    ('Grèce', 76),
    ('Grenade', 77),
    ('Groenland', 78),
    ('Guadeloupe', 79),
    ('Guam', 80),
    ('Guatemala', 81),
    ('Guernesey', 82),
    ('Guinée', 83),
    ('Guinée-Bissau', 84),
    ('Guinée équatoriale', 85),
    ('Guyana', 86),
    ('Guyane française', 87),
    ('Haïti', 88),
    ('Honduras', 89),
    ('Hongrie', 90),
    ('Île Bouvet', 91),
    ('Île Christmas', 92),
    ('Île de Man', 93),
    ('Île Norfolk', 94),
    ('Îles Åland', 95),
    ('Îles Caïmans', 96),
    ('Îles Cocos', 97),
    ('Îles Cook', 98),
    ('Îles Féroé', 99),
    ('Îles Heard-et-MacDonald', 100),
    ('Îles Malouines', 101),
    ('Îles Mariannes du Nord', 102),
    ('Îles Marshall', 103),
    ('Îles mineures éloignées des États-Unis', 104),
    ('Îles Pitcairn', 105),
    ('Îles Salomon', 106),
    ('Îles Turques-et-Caïques', 107),
    ('Îles Vierges britanniques', 108),
    ('Îles Vierges des États-Unis', 109),
    ('Inde', 110),
    ('Indonésie', 111),
    ('Irak', 112),
    ('Iran', 113),
    ('Irlande', 114),
    ('Islande', 115),
    ('Israël', 116),
    ('Italie', 117),
    ('Jamaïque', 118),
    ('Japon', 119),
    ('Jersey', 120),
    ('Jordanie', 121),
    ('Kazakhstan', 122),
    ('Kenya', 123),
    ('Kirghizstan', 124),
    ('Kiribati', 125),
    ('Koweït', 126),
    ('Laos', 127),
    ('La Réunion', 128),
    ('Lesotho', 129),
    ('Lettonie', 130),
    ('Liban', 131),
    ('Liberia', 132),
    ('Libye', 133),
    ('Liechtenstein', 134),
    ('Lituanie', 135),
    ('Luxembourg', 136),
    ('Macédoine du Nord', 137),
    ('Madagascar', 138),
    ('Malaisie', 139),
    ('Malawi', 140),
    ('Maldives', 141),
    ('Mali', 142),
    ('Malte', 143),
    ('Maroc', 144),
    ('Martinique', 145),
    ('Maurice', 146),
    ('Mauritanie', 147),
    ('Mayotte', 148),
    ('Mexique', 149),
    ('Micronésie', 150),
    ('Moldavie', 151),
    ('Monaco', 152),
    ('Mongolie', 153),
    ('Monténégro', 154),
    ('Montserrat', 155),
    ('Mozambique', 156),
    ('Myanmar (Birmanie)', 157),
    ('Namibie', 158),
    ('Nauru', 159),
    ('Népal', 160),
    ('Nicaragua', 161),
    ('Niger', 162),
    ('Nigeria', 163),
    ('Niue', 164),
    ('Norvège', 165),
    ('Nouvelle-Calédonie', 166),
    ('Nouvelle-Zélande', 167),
    ('Oman', 168),
    ('Ouganda', 169),
    ('Ouzbékistan', 170),
    ('Pakistan', 171),
    ('Palaos', 172),
    ('Panama', 173),
    ('Papouasie-Nouvelle-Guinée', 174),
    ('Paraguay', 175),
    ('Pays-Bas', 176),
    ('Pays-Bas caribéens', 177),
    ('Pérou', 178),
    ('Philippines', 179),
    ('Pologne', 180),
    ('Polynésie française', 181),
    ('Porto Rico', 182),
    ('Portugal', 183),
    ('Qatar', 184),
    ('R.A.S. chinoise de Hong Kong', 185),
    ('R.A.S. chinoise de Macao', 186),
    ('République centrafricaine', 187),
    ('République dominicaine', 188),
    ('Roumanie', 189),
    ('Royaume-Uni', 190),
    ('Russie', 191),
    ('Rwanda', 192),
    ('Sahara occidental', 193),
    ('Saint-Barthélemy', 194),
    ('Saint-Christophe-et-Niévès', 195),
    ('Sainte-Hélène', 196),
    ('Sainte-Lucie', 197),
    ('Saint-Marin', 198),
    ('Saint-Martin', 199),
    ('Saint-Martin (partie néerlandaise)', 200),
    ('Saint-Pierre-et-Miquelon', 201),
    ('Saint-Vincent-et-les Grenadines', 202),
    ('Salvador', 203),
    ('Samoa', 204),
    ('Samoa américaines', 205),
    ('Sao Tomé-et-Principe', 206),
    ('Sénégal', 207),
    ('Serbie', 208),
    ('Seychelles', 209),
    ('Sierra Leone', 210),
    ('Singapour', 211),
    ('Slovaquie', 212),
    ('Slovénie', 213),
    ('Somalie', 214),
    ('Soudan', 215),
    ('Soudan du Sud', 216),
    ('Sri Lanka', 217),
    ('Suède', 218),
    ('Suisse', 219),
    ('Suriname', 220),
    ('Svalbard et Jan Mayen', 221),
    ('Syrie', 222),
    ('Tadjikistan', 223),
    ('Taïwan', 224),
    ('Tanzanie', 225),
    ('Tchad', 226),
    ('Tchéquie', 227),
    ('Terres australes françaises', 228),
    ('Territoire britannique de l''océan Indien', 229),
    ('Territoires palestiniens', 230),
    ('Thaïlande', 231),
    ('Timor oriental', 232),
    ('Togo', 233),
    ('Tokelau', 234),
    ('Tonga', 235),
    ('Trinité-et-Tobago', 236),
    ('Tunisie', 237),
    ('Turkménistan', 238),
    ('Turquie', 239),
    ('Tuvalu', 240),
    ('Ukraine', 241),
    ('Uruguay', 242),
    ('Vanuatu', 243),
    ('Venezuela', 244),
    ('Viêt Nam', 245),
    ('Wallis-et-Futuna', 246),
    ('Yémen', 247),
    ('Zambie', 248),
    ('Zimbabwe', 249)
) AS c(name, pos)
WHERE a.name IN ('birth_country', 'billing_country', 'delivery_country');
