"""Countries, their aliases and demonyms, so "Russia", "Russian" and "Russians" are one place.

News names a country far more often by its adjective ("Russian forces") or its
people ("Syrians") than by its name, and spaCy labels those NORP, not GPE.
Linking them needs a table; no installed package carries demonyms, so it is
kept here by hand, one country a line: ``Name|alias|...;demonym|...;ISO3``
(the ISO 3166-1 alpha-3 code; none for the nations inside the United Kingdom,
and the withdrawn SUN for the Soviet Union).
Plural demonyms ("Russians", "Pakistanis") are derived, not listed. Demonyms
shared by two countries ("Congolese", "Korean") are left out on purpose.
"""

from __future__ import annotations

from functools import cache

_TABLE = """
Afghanistan;Afghan;AFG
Albania;Albanian;ALB
Algeria;Algerian;DZA
Andorra;Andorran;AND
Angola;Angolan;AGO
Antigua and Barbuda;Antiguan;ATG
Argentina;Argentine|Argentinian;ARG
Armenia;Armenian;ARM
Australia;Australian|Aussie;AUS
Austria;Austrian;AUT
Azerbaijan;Azerbaijani|Azeri;AZE
Bahamas|The Bahamas;Bahamian;BHS
Bahrain;Bahraini;BHR
Bangladesh;Bangladeshi;BGD
Barbados;Barbadian;BRB
Belarus;Belarusian|Belarusan;BLR
Belgium;Belgian;BEL
Belize;Belizean;BLZ
Benin;Beninese;BEN
Bhutan;Bhutanese;BTN
Bolivia;Bolivian;BOL
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina;Bosnian;BIH
Botswana;Botswanan|Motswana;BWA
Brazil;Brazilian;BRA
Brunei;Bruneian;BRN
Bulgaria;Bulgarian;BGR
Burkina Faso;Burkinabe;BFA
Burundi;Burundian;BDI
Cambodia;Cambodian;KHM
Cameroon;Cameroonian;CMR
Canada;Canadian;CAN
Cape Verde|Cabo Verde;Cape Verdean;CPV
Central African Republic;Central African;CAF
Chad;Chadian;TCD
Chile;Chilean;CHL
China|People's Republic of China|PRC|Mainland China;Chinese;CHN
Colombia;Colombian;COL
Comoros;Comoran|Comorian;COM
Republic of the Congo|Congo-Brazzaville;;COG
Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa;;COD
Costa Rica;Costa Rican;CRI
Croatia;Croatian|Croat;HRV
Cuba;Cuban;CUB
Cyprus;Cypriot;CYP
Czech Republic|Czechia;Czech|Czechs;CZE
Denmark;Danish|Dane;DNK
Djibouti;Djiboutian;DJI
Dominica;;DMA
Dominican Republic;Dominican;DOM
Ecuador;Ecuadorian|Ecuadorean;ECU
Egypt;Egyptian;EGY
El Salvador;Salvadoran|Salvadorean;SLV
Equatorial Guinea;Equatoguinean;GNQ
Eritrea;Eritrean;ERI
Estonia;Estonian;EST
Eswatini|Swaziland;Swazi;SWZ
Ethiopia;Ethiopian;ETH
Fiji;Fijian;FJI
Finland;Finnish|Finn;FIN
France;French|Frenchman|Frenchmen|Frenchwoman;FRA
Gabon;Gabonese;GAB
Gambia|The Gambia;Gambian;GMB
Georgia;Georgian;GEO
Germany;German;DEU
Ghana;Ghanaian;GHA
Greece;Greek;GRC
Grenada;Grenadian;GRD
Guatemala;Guatemalan;GTM
Guinea;Guinean;GIN
Guinea-Bissau;Bissau-Guinean;GNB
Guyana;Guyanese;GUY
Haiti;Haitian;HTI
Honduras;Honduran;HND
Hungary;Hungarian;HUN
Iceland;Icelandic|Icelander;ISL
India;Indian;IND
Indonesia;Indonesian;IDN
Iran|Islamic Republic of Iran;Iranian;IRN
Iraq;Iraqi;IRQ
Ireland|Republic of Ireland;Irish|Irishman|Irishmen;IRL
Israel;Israeli;ISR
Italy;Italian;ITA
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire;Ivorian;CIV
Jamaica;Jamaican;JAM
Japan;Japanese;JPN
Jordan;Jordanian;JOR
Kazakhstan;Kazakh|Kazakhstani;KAZ
Kenya;Kenyan;KEN
Kiribati;;KIR
Kosovo;Kosovar;XKX
Kuwait;Kuwaiti;KWT
Kyrgyzstan;Kyrgyz;KGZ
Laos;Lao|Laotian;LAO
Latvia;Latvian;LVA
Lebanon;Lebanese;LBN
Lesotho;Basotho;LSO
Liberia;Liberian;LBR
Libya;Libyan;LBY
Liechtenstein;;LIE
Lithuania;Lithuanian;LTU
Luxembourg;Luxembourger|Luxembourgish;LUX
Madagascar;Malagasy;MDG
Malawi;Malawian;MWI
Malaysia;Malaysian;MYS
Maldives;Maldivian;MDV
Mali;Malian;MLI
Malta;Maltese;MLT
Marshall Islands;Marshallese;MHL
Mauritania;Mauritanian;MRT
Mauritius;Mauritian;MUS
Mexico;Mexican;MEX
Micronesia;Micronesian;FSM
Moldova;Moldovan;MDA
Monaco;Monegasque;MCO
Mongolia;Mongolian;MNG
Montenegro;Montenegrin;MNE
Morocco;Moroccan;MAR
Mozambique;Mozambican;MOZ
Myanmar|Burma;Burmese;MMR
Namibia;Namibian;NAM
Nauru;Nauruan;NRU
Nepal;Nepali|Nepalese;NPL
Netherlands|The Netherlands|Holland;Dutch|Dutchman|Dutchmen;NLD
New Zealand;New Zealander|Kiwi;NZL
Nicaragua;Nicaraguan;NIC
Niger;Nigerien;NER
Nigeria;Nigerian;NGA
North Korea|DPRK|Democratic People's Republic of Korea;North Korean;PRK
North Macedonia|Macedonia;Macedonian;MKD
Norway;Norwegian;NOR
Oman;Omani;OMN
Pakistan;Pakistani;PAK
Palau;Palauan;PLW
Palestine|Palestinian territories|Palestinian Territories;Palestinian;PSE
Panama;Panamanian;PAN
Papua New Guinea;Papua New Guinean;PNG
Paraguay;Paraguayan;PRY
Peru;Peruvian;PER
Philippines|The Philippines;Filipino|Filipina|Philippine;PHL
Poland;Polish|Pole;POL
Portugal;Portuguese;PRT
Qatar;Qatari;QAT
Romania;Romanian;ROU
Russia|Russian Federation;Russian;RUS
Rwanda;Rwandan;RWA
Saint Kitts and Nevis;;KNA
Saint Lucia;Saint Lucian;LCA
Saint Vincent and the Grenadines;;VCT
Samoa;Samoan;WSM
San Marino;Sammarinese;SMR
Sao Tome and Principe|São Tomé and Príncipe;;STP
Saudi Arabia|KSA;Saudi;SAU
Senegal;Senegalese;SEN
Serbia;Serbian|Serb;SRB
Seychelles;Seychellois;SYC
Sierra Leone;Sierra Leonean;SLE
Singapore;Singaporean;SGP
Slovakia;Slovak|Slovakian;SVK
Slovenia;Slovenian|Slovene;SVN
Solomon Islands;;SLB
Somalia;Somali;SOM
South Africa;South African;ZAF
South Korea|Republic of Korea|ROK;South Korean;KOR
South Sudan;South Sudanese;SSD
Spain;Spanish|Spaniard;ESP
Sri Lanka;Sri Lankan;LKA
Sudan;Sudanese;SDN
Suriname;Surinamese;SUR
Sweden;Swedish|Swede;SWE
Switzerland;Swiss;CHE
Syria|Syrian Arab Republic;Syrian;SYR
Taiwan|Republic of China;Taiwanese;TWN
Tajikistan;Tajik|Tajikistani;TJK
Tanzania;Tanzanian;TZA
Thailand;Thai;THA
Timor-Leste|East Timor;Timorese;TLS
Togo;Togolese;TGO
Tonga;Tongan;TON
Trinidad and Tobago;Trinidadian;TTO
Tunisia;Tunisian;TUN
Turkey|Türkiye;Turkish|Turk;TUR
Turkmenistan;Turkmen;TKM
Tuvalu;Tuvaluan;TUV
Uganda;Ugandan;UGA
Ukraine;Ukrainian;UKR
United Arab Emirates|UAE|U.A.E.;Emirati;ARE
United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Brit;GBR
United States|United States of America|U.S.|US|USA|U.S.A.|America;American;USA
Uruguay;Uruguayan;URY
Uzbekistan;Uzbek|Uzbekistani;UZB
Vanuatu;Ni-Vanuatu;VUT
Vatican City|Vatican|Holy See;;VAT
Venezuela;Venezuelan;VEN
Vietnam|Viet Nam;Vietnamese;VNM
Yemen;Yemeni;YEM
Zambia;Zambian;ZMB
Zimbabwe;Zimbabwean;ZWE
England;Englishman|Englishmen
Scotland;Scottish|Scot
Wales;Welsh
Northern Ireland;Northern Irish
Hong Kong;Hong Konger;HKG
Soviet Union|USSR|U.S.S.R.;Soviet;SUN
"""

_NO_PLURAL = ("ese", "sh", "ss", "ch", "ic", "hman", "woman", "men", "i", "y", "s")
_PLURAL_OK = (
    "Pakistani",
    "Israeli",
    "Iraqi",
    "Saudi",
    "Kuwaiti",
    "Qatari",
    "Omani",
    "Yemeni",
    "Emirati",
    "Bangladeshi",
    "Somali",
    "Nepali",
    "Thai",
    "Azeri",
    "Azerbaijani",
    "Kiwi",
    "Aussie",
    "Bahraini",
    "Malawi",
)


def _plural(demonym: str) -> str | None:
    """The people-noun of a demonym ("Russian" → "Russians"), if English makes one with -s."""
    if demonym in _PLURAL_OK:
        return demonym + "s"
    if demonym.endswith(_NO_PLURAL):
        return None
    return demonym + "s"


@cache
def country_names() -> dict[str, str]:
    """Every name, alias, demonym and derived plural → the country's common English name.

    Keys keep their case: "US" is the country, "us" is not.
    """
    names: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        aliases, _, rest = line.partition(";")
        demonyms = rest.partition(";")[0]
        canonical, *others = aliases.split("|")
        for alias in (canonical, *others):
            names.setdefault(alias, canonical)
        for demonym in filter(None, demonyms.split("|")):
            names.setdefault(demonym, canonical)
            plural = _plural(demonym)
            if plural:
                names.setdefault(plural, canonical)
    return names


@cache
def _demonyms() -> frozenset[str]:
    """Every demonym and derived plural of the table ("Russian", "Russians")."""
    found: set[str] = set()
    for line in _TABLE.strip().splitlines():
        for demonym in filter(None, line.split(";")[1].split("|")):
            found.add(demonym)
            if plural := _plural(demonym):
                found.add(plural)
    return frozenset(found)


def is_demonym(text: str) -> bool:
    """Whether `text` names a country's people or adjective, not the country itself."""
    return text in _demonyms()


def country_of(text: str) -> str | None:
    """The country that `text` names, by name, alias or demonym; None if it names none."""
    names = country_names()
    found = names.get(text)
    if found is None and text.startswith(("the ", "The ")):
        found = names.get(text[4:])
    return found


@cache
def iso3_codes() -> dict[str, str]:
    """A country's common English name → its ISO 3166-1 alpha-3 code."""
    codes: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        fields = line.split(";")
        if len(fields) == 3 and fields[2]:
            codes[fields[0].split("|")[0]] = fields[2]
    return codes


def iso3_of(country: str) -> str | None:
    """The ISO3 code of a country named as `country_of` returns it ("Russia" → "RUS")."""
    return iso3_codes().get(country)
