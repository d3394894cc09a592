<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action point</source>
        <translation>Actiepunt</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Wat</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Eigenaar</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>&amp;Deadline</translation>
    </message>
</context>
<context>
    <name>ActionPointDialog</name>
    <message>
        <source>Make action point</source>
        <translation>Maak actiepunt</translation>
    </message>
    <message>
        <source>Type a name; ↓ shows the suggestions</source>
        <translation>Typ een naam; ↓ toont de suggesties</translation>
    </message>
    <message>
        <source>From the mail of {sender}</source>
        <translation>Uit de mail van {sender}</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Eigenaar</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <source>Note: not a working day (weekend or public holiday).</source>
        <translation>Let op: geen werkdag (weekend of feestdag).</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>No action points yet: type one below and press Enter.</source>
        <translation>Nog geen actiepunten: typ er hieronder een en druk Enter.</translation>
    </message>
    <message>
        <source>New action point</source>
        <translation>Nieuw actiepunt</translation>
    </message>
    <message>
        <source>Approve minutes</source>
        <translation>Verslag goedkeuren</translation>
    </message>
    <message>
        <source>Approve the earlier meeting&apos;s minutes (Ctrl+G)</source>
        <translation>Het verslag van de vorige vergadering goedkeuren (Ctrl+G)</translation>
    </message>
    <message>
        <source>Loading names</source>
        <translation>Namen laden</translation>
    </message>
    <message>
        <source>Loading the minutes</source>
        <translation>Notulen laden</translation>
    </message>
    <message>
        <source>Adding the action point</source>
        <translation>Actiepunt toevoegen</translation>
    </message>
    <message>
        <source>Changing the action point</source>
        <translation>Actiepunt wijzigen</translation>
    </message>
    <message>
        <source>Removing the action point</source>
        <translation>Actiepunt verwijderen</translation>
    </message>
    <message>
        <source>Remove action point</source>
        <translation>Actiepunt verwijderen</translation>
    </message>
    <message>
        <source>Remove the action point “%1”? Ctrl+Z brings it back.</source>
        <translation>Het actiepunt “%1” verwijderen? Met Ctrl+Z komt het terug.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Restoring the action point</source>
        <translation>Actiepunt terugzetten</translation>
    </message>
    <message>
        <source>Minutes approved</source>
        <translation>Verslag goedgekeurd</translation>
    </message>
    <message>
        <source>Approving the minutes</source>
        <translation>Verslag goedkeuren</translation>
    </message>
    <message>
        <source>Approve the minutes of the earlier meeting? They will then be locked: nobody can change them any more.</source>
        <translation>Het verslag van de vorige vergadering goedkeuren? Het wordt daarna vergrendeld: niemand kan het nog wijzigen.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
</context>
<context>
    <name>AgendaArea</name>
    <message>
        <source>Previous period (Left, Page Up)</source>
        <translation>Vorige periode (Links, Page Up)</translation>
    </message>
    <message>
        <source>Next period (Right, Page Down)</source>
        <translation>Volgende periode (Rechts, Page Down)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Naar vandaag (T)</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nieuwe afspraak</translation>
    </message>
    <message>
        <source>New appointment (Ctrl+N)</source>
        <translation>Nieuwe afspraak (Ctrl+N)</translation>
    </message>
    <message>
        <source>Find a time…</source>
        <translation>Zoek een moment…</translation>
    </message>
    <message>
        <source>Find a time that suits the director and his colleagues (Ctrl+Shift+T)</source>
        <translation>Zoek een moment dat de algemeen directeur en zijn collega&apos;s past (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Day overview…</source>
        <translation>Dagoverzicht…</translation>
    </message>
    <message>
        <source>The director&apos;s overview of the next working day, as PDF or printed (Ctrl+P)</source>
        <translation>Het overzicht van de volgende werkdag voor de algemeen directeur, als PDF of afgedrukt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Work week</source>
        <translation>Werkweek</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>{view} ({key})</source>
        <translation>{view} ({key})</translation>
    </message>
</context>
<context>
    <name>AgendaCanvas</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} meer</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Hele dag</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
</context>
<context>
    <name>AgendaController</name>
    <message>
        <source>Loading the agenda</source>
        <translation>De agenda laden</translation>
    </message>
    <message>
        <source>Loading the category colours</source>
        <translation>De kleuren van de categorieën laden</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Creating the appointment</source>
        <translation>Afspraak maken</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Er is niets bewaard.</translation>
    </message>
    <message>
        <source>Saving the appointment</source>
        <translation>Afspraak bewaren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verplaatsen</translation>
    </message>
    <message>
        <source>Moving the appointment</source>
        <translation>Afspraak verplaatsen</translation>
    </message>
    <message>
        <source>Change the end</source>
        <translation>Einde wijzigen</translation>
    </message>
    <message>
        <source>Changing the end of the appointment</source>
        <translation>Einde van de afspraak wijzigen</translation>
    </message>
    <message>
        <source>Undoing the move</source>
        <translation>Verplaatsing ongedaan maken</translation>
    </message>
    <message>
        <source>Cancelling the appointment</source>
        <translation>Afspraak annuleren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Afspraak annuleren…</translation>
    </message>
    <message>
        <source>Visit or tour: checklist…</source>
        <translation>Bezoek of rondleiding: checklist…</translation>
    </message>
    <message>
        <source>External: brief…</source>
        <translation>Extern: fiche…</translation>
    </message>
    <message>
        <source>New appointment here…</source>
        <translation>Nieuwe afspraak hier…</translation>
    </message>
    <message>
        <source>Opening the appointment</source>
        <translation>Afspraak openen</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Put on the agenda</source>
        <translation>Agenderen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>There is no planned meeting to put it on.</source>
        <translation>Er is geen gepland overleg om het op te agenderen.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>&amp;Overleg</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>&amp;Brought by</source>
        <translation>&amp;Ingebracht door</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;uur</translation>
    </message>
    <message>
        <source>From the mail of {sender}</source>
        <translation>Uit de mail van {sender}</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Goedkeuring</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Bespreking</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>Ter info</translation>
    </message>
    <message>
        <source>The next {code} ({when})</source>
        <translation>Het volgende {code} ({when})</translation>
    </message>
</context>
<context>
    <name>AgendaItemsModel</name>
    <message>
        <source>Item</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Rubriek</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>Vertr.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Notes or a decision were typed</source>
        <translation>Er zijn notities of een besluit getypt</translation>
    </message>
    <message>
        <source>Confidential: left out of the copy for the wider list</source>
        <translation>Vertrouwelijk: niet in de kopie voor de ruimere lijst</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Agendapunt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Indiener</translation>
    </message>
    <message>
        <source>Directorate</source>
        <translation>Directie</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Rubriek</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Stukken</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Laat</translation>
    </message>
    <message>
        <source>From a mail: M opens it</source>
        <translation>Uit een mail: M opent ze</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <source>late</source>
        <translation>laat</translation>
    </message>
</context>
<context>
    <name>AgendaSettingsDialog</name>
    <message>
        <source>Agenda settings</source>
        <translation>Agenda-instellingen</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>&amp;Working hours:</source>
        <translation>&amp;Werkuren:</translation>
    </message>
    <message>
        <source>&amp;Preparation before appointments:</source>
        <translation>&amp;Voorbereiding voor afspraken:</translation>
    </message>
    <message>
        <source>&amp;Travel after appointments:</source>
        <translation>&amp;Verplaatsing na afspraken:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ve&amp;rwijderen</translation>
    </message>
    <message>
        <source>Protected blocks (kept free every week)</source>
        <translation>Beschermde blokken (elke week vrij gehouden)</translation>
    </message>
    <message>
        <source>&amp;Mail the Dagoverzicht every working day</source>
        <translation>Het Dagoverzicht elke werkdag &amp;mailen</translation>
    </message>
    <message>
        <source>the director&apos;s own mailbox</source>
        <translation>de eigen mailbox van de directeur</translation>
    </message>
    <message>
        <source>Dagoverzicht</source>
        <translation>Dagoverzicht</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>Om:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Aan:</translation>
    </message>
    <message>
        <source>Overleg agenda and verslag</source>
        <translation>Agenda en verslag van het overleg</translation>
    </message>
    <message>
        <source>Agenda template:</source>
        <translation>Sjabloon agenda:</translation>
    </message>
    <message>
        <source>Verslag template:</source>
        <translation>Sjabloon verslag:</translation>
    </message>
    <message>
        <source>the standard template</source>
        <translation>het standaardsjabloon</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuten</translation>
    </message>
    <message>
        <source>A protected block must end after it starts.</source>
        <translation>Een beschermd blok moet eindigen na het begin.</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>De werkdag moet eindigen na het begin.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a mail address.</source>
        <translation>&apos;{address}&apos; is geen mailadres.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a Word file (.docx) that can be found.</source>
        <translation>&apos;{path}&apos; is geen Word-bestand (.docx) dat gevonden kan worden.</translation>
    </message>
    <message>
        <source>The city&apos;s Word template</source>
        <translation>Het Word-sjabloon van de stad</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-documenten (*.docx)</translation>
    </message>
    <message>
        <source>Save the changed agenda settings?</source>
        <translation>De gewijzigde agenda-instellingen bewaren?</translation>
    </message>
    <message>
        <source>The settings could not be saved ({reason}). Nothing was changed.</source>
        <translation>De instellingen konden niet worden bewaard ({reason}). Er is niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>AgendaShortcuts</name>
    <message>
        <source>Previous / next period</source>
        <translation>Vorige / volgende periode</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>Dagweergave</translation>
    </message>
    <message>
        <source>Work week view</source>
        <translation>Werkweekweergave</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Weekweergave</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>Maandweergave</translation>
    </message>
    <message>
        <source>Next / previous appointment</source>
        <translation>Volgende / vorige afspraak</translation>
    </message>
    <message>
        <source>Edit the appointment</source>
        <translation>Afspraak bewerken</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nieuwe afspraak</translation>
    </message>
    <message>
        <source>Move the appointment 15 minutes</source>
        <translation>Afspraak 15 minuten verschuiven</translation>
    </message>
    <message>
        <source>Move the appointment a day</source>
        <translation>Afspraak een dag verschuiven</translation>
    </message>
    <message>
        <source>End the appointment 15 minutes earlier / later</source>
        <translation>Afspraak 15 minuten vroeger / later laten eindigen</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Afspraak annuleren</translation>
    </message>
    <message>
        <source>Undo the last move</source>
        <translation>Laatste verplaatsing ongedaan maken</translation>
    </message>
    <message>
        <source>Clear the selection, stop a drag</source>
        <translation>Selectie wissen, slepen stoppen</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Edit appointment</source>
        <translation>Afspraak bewerken</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nieuwe afspraak</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Hele dag</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;; address; …</source>
        <translation>Naam &lt;adres&gt;; adres; …</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Onderwerp</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Locatie</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tijd</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>&amp;Genodigden</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Afspraak annuleren…</translation>
    </message>
    <message>
        <source>Give the appointment a subject.</source>
        <translation>Geef de afspraak een onderwerp.</translation>
    </message>
    <message>
        <source>The end of the appointment must be after its start.</source>
        <translation>Het einde van de afspraak moet na het begin liggen.</translation>
    </message>
</context>
<context>
    <name>AreaView</name>
    <message>
        <source>Search everything with Ctrl+K.</source>
        <translation>Zoek in alles met Ctrl+K.</translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) synchronised</source>
        <translation>
            <numerusform>%n mail gesynchroniseerd</numerusform>
            <numerusform>%n mails gesynchroniseerd</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail in the synchronised folders</source>
        <translation>Geen mail in de gesynchroniseerde mappen</translation>
    </message>
    <message>
        <source>Mail gets its own screen soon; find any mail now with quick search.</source>
        <translation>Mail krijgt binnenkort een eigen scherm; zoek nu al elke mail met snel zoeken.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) synchronised</source>
        <translation>
            <numerusform>%n afspraak gesynchroniseerd</numerusform>
            <numerusform>%n afspraken gesynchroniseerd</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointments in the synchronised period</source>
        <translation>Geen afspraken in de gesynchroniseerde periode</translation>
    </message>
    <message>
        <source>The calendar gets its own screen soon.</source>
        <translation>De agenda krijgt binnenkort een eigen scherm.</translation>
    </message>
    <message>
        <source>Last synchronised on {when}.</source>
        <translation>Laatst gesynchroniseerd op {when}.</translation>
    </message>
    <message>
        <source>Became</source>
        <translation>Werd</translation>
    </message>
    <message>
        <source>From mail</source>
        <translation>Uit mail</translation>
    </message>
    <message>
        <source>Open the mail in Mail</source>
        <translation>De mail openen in Mail</translation>
    </message>
    <message>
        <source>Show this record</source>
        <translation>Openen</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>No mail here yet</source>
        <translation>Nog geen mail</translation>
    </message>
    <message>
        <source>The director&apos;s mailbox appears here once the connection to Exchange is set up: triage with categories, flags and action points.</source>
        <translation>De mailbox van de algemeen directeur verschijnt hier zodra de verbinding met Exchange is ingesteld: sorteren met categorieën, vlaggen en actiepunten.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>No appointments here yet</source>
        <translation>Nog geen afspraken</translation>
    </message>
    <message>
        <source>The director&apos;s calendar appears here after the first synchronisation with Exchange.</source>
        <translation>De agenda van de algemeen directeur verschijnt hier na de eerste synchronisatie met Exchange.</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <source>Meeting work is on its way</source>
        <translation>Overleg volgt binnenkort</translation>
    </message>
    <message>
        <source>The year plan of MAT and DC, agendas, requested documents and minutes will be kept here.</source>
        <translation>Hier komen het jaarplan van MAT en DC, de agenda&apos;s, de opgevraagde stukken en de verslagen.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Follow-up is on its way</source>
        <translation>Opvolging volgt binnenkort</translation>
    </message>
    <message>
        <source>Action points per meeting, with owner and deadline, carried to the right next meeting.</source>
        <translation>Actiepunten per overleg, met verantwoordelijke en deadline, meegenomen naar het juiste volgende overleg.</translation>
    </message>
    <message>
        <source>Briefs</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Briefs are on their way</source>
        <translation>Fiches volgen binnenkort</translation>
    </message>
    <message>
        <source>Briefs for external networking events, with the people worth meeting, for the director to read and approve.</source>
        <translation>Discussiefiches voor externe netwerkmomenten, met de mensen die de moeite zijn om te spreken, om te lezen en goed te keuren door de algemeen directeur.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>People are on their way</source>
        <translation>Personen volgen binnenkort</translation>
    </message>
    <message>
        <source>Contacts inside and outside the city, with why and until when their data is kept.</source>
        <translation>Contactpersonen binnen en buiten de stad, met waarom en tot wanneer hun gegevens bewaard worden.</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Rapportering</translation>
    </message>
    <message>
        <source>Reporting is on its way</source>
        <translation>Rapportering volgt binnenkort</translation>
    </message>
    <message>
        <source>BBC and management reporting flows with the teams: who delivers what, and when.</source>
        <translation>BBC- en managementrapportering met de teams: wie levert wat, en wanneer.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agendapunt</translation>
    </message>
    <message>
        <source>Requested documents</source>
        <translation>Stukken</translation>
    </message>
    <message>
        <source>Action point</source>
        <translation>Actiepunt</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projecten</translation>
    </message>
    <message>
        <source>Projects are on their way</source>
        <translation>Projecten volgen binnenkort</translation>
    </message>
    <message>
        <source>The office&apos;s projects with their owner, goal, milestones and timeline.</source>
        <translation>De projecten van het kabinet met hun eigenaar, doel, mijlpalen en tijdlijn.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attachments cannot be fetched without a connection to Exchange.</source>
        <translation>Bijlagen kunnen niet worden opgehaald zonder verbinding met Exchange.</translation>
    </message>
    <message>
        <source>“{name}” is being fetched…</source>
        <translation>„{name}” wordt opgehaald…</translation>
    </message>
    <message>
        <source>The attachment could not be opened.</source>
        <translation>De bijlage kon niet worden geopend.</translation>
    </message>
    <message>
        <source>The attachment could not be saved: {reason}</source>
        <translation>De bijlage kon niet worden opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Bijlage openen</translation>
    </message>
    <message>
        <source>“{name}” is a program or script. Opening it can run code on this computer.

Open only what you expected from a sender you know. Open it anyway?</source>
        <translation>„{name}” is een programma of script. Openen kan code uitvoeren op deze computer.

Open alleen wat u verwachtte van een afzender die u kent. Toch openen?</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>verontschuldigd</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>afwezig</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
</context>
<context>
    <name>BriefLinkDialog</name>
    <message>
        <source>Attach to a brief</source>
        <translation>Voor fiche</translation>
    </message>
    <message>
        <source>Type to filter the briefs; Enter attaches the mail to the selected one.</source>
        <translation>Typ om de fiches te filteren; Enter koppelt de mail aan de geselecteerde fiche.</translation>
    </message>
    <message>
        <source>Filter briefs…</source>
        <translation>Fiches filteren…</translation>
    </message>
    <message>
        <source>No brief matches.</source>
        <translation>Geen fiche gevonden.</translation>
    </message>
    <message>
        <source> (already attached)</source>
        <translation> (al gekoppeld)</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Koppelen</translation>
    </message>
</context>
<context>
    <name>BriefingListModel</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Fiche</translation>
    </message>
</context>
<context>
    <name>BriefingsWindow</name>
    <message>
        <source>Kortrijk Cockpit — Briefings</source>
        <translation>Kortrijk Cockpit — Briefings</translation>
    </message>
    <message>
        <source>Briefings: external appointments this week and next</source>
        <translation>Briefings: externe afspraken deze en volgende week</translation>
    </message>
    <message>
        <source>No external appointments this week or next.</source>
        <translation>Geen externe afspraken deze of volgende week.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Goedkeuren</translation>
    </message>
    <message>
        <source>Approve this brief (Enter asks first)</source>
        <translation>Deze fiche goedkeuren (Enter vraagt eerst bevestiging)</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Opmerking…</translation>
    </message>
    <message>
        <source>Send the brief back with a comment (C)</source>
        <translation>De fiche terugsturen met een opmerking (C)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Loading the briefings</source>
        <translation>Briefings laden</translation>
    </message>
    <message>
        <source>No appointment chosen.</source>
        <translation>Geen afspraak gekozen.</translation>
    </message>
    <message>
        <source>No brief yet for &quot;{subject}&quot;.</source>
        <translation>Nog geen fiche voor &quot;{subject}&quot;.</translation>
    </message>
    <message>
        <source>Loading the brief</source>
        <translation>Fiche laden</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Approve the brief for &quot;{title}&quot;?</source>
        <translation>De fiche voor &quot;{title}&quot; goedkeuren?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Approving the brief</source>
        <translation>Fiche goedkeuren</translation>
    </message>
    <message>
        <source>Approved: {title}</source>
        <translation>Goedgekeurd: {title}</translation>
    </message>
    <message>
        <source>Sending the brief back</source>
        <translation>Fiche terugsturen</translation>
    </message>
    <message>
        <source>Sent back with your comment: {title}</source>
        <translation>Teruggestuurd met uw opmerking: {title}</translation>
    </message>
</context>
<context>
    <name>CancelAppointmentDialog</name>
    <message>
        <source>Cancel appointment</source>
        <translation>Afspraak annuleren</translation>
    </message>
    <message>
        <source>Cancel “{subject}”? The attendees are told.</source>
        <translation>“{subject}” annuleren? De genodigden krijgen bericht.</translation>
    </message>
    <message>
        <source>Message to the attendees (optional)</source>
        <translation>Bericht aan de genodigden (niet verplicht)</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behouden</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateDialog</name>
    <message>
        <source>Checklist for visits and tours</source>
        <translation>Checklist voor bezoeken en rondleidingen</translation>
    </message>
    <message>
        <source>Visit (bezoek)</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Tour (rondleiding)</source>
        <translation>Rondleiding</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Omhoog</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>A negative number is before the appointment: -3 is three working days before. New checklists follow this list; existing ones keep theirs.</source>
        <translation>Een negatief getal is vóór de afspraak: -3 is drie werkdagen ervoor. Nieuwe checklists volgen deze lijst; bestaande houden de hunne.</translation>
    </message>
    <message>
        <source>Loading the checklist</source>
        <translation>Checklist laden</translation>
    </message>
    <message>
        <source>new item</source>
        <translation>nieuw punt</translation>
    </message>
    <message>
        <source>Saving the checklist</source>
        <translation>Checklist bewaren</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>What should change in the brief for &quot;{title}&quot;? It goes back to concept with your comment.</source>
        <translation>Wat moet er veranderen aan de fiche voor &quot;{title}&quot;? Ze gaat terug naar concept met uw opmerking.</translation>
    </message>
    <message>
        <source>A short comment</source>
        <translation>Een korte opmerking</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Terugsturen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Allen antwoorden</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Doorsturen</translation>
    </message>
    <message>
        <source>Standard text…</source>
        <translation>Standaardtekst…</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Invoegen</translation>
    </message>
    <message>
        <source>Standard &amp;texts…</source>
        <translation>Standaard&amp;teksten…</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Aan:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;CC:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <source>Standard text:</source>
        <translation>Standaardtekst:</translation>
    </message>
    <message>
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>&amp;Verzenden (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Loading the standard texts</source>
        <translation>Standaardteksten laden</translation>
    </message>
    <message>
        <source>Filling in the standard text</source>
        <translation>Standaardtekst invullen</translation>
    </message>
    <message>
        <source>Queueing the mail</source>
        <translation>Mail klaarzetten in Uitgaand</translation>
    </message>
    <message>
        <source>Throw away this text?</source>
        <translation>Deze tekst weggooien?</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection with Exchange</source>
        <translation>Verbinding met Exchange</translation>
    </message>
    <message>
        <source>Microsoft 365 (Graph)</source>
        <translation>Microsoft 365 (Graph)</translation>
    </message>
    <message>
        <source>Exchange on-premises (EWS)</source>
        <translation>Exchange on-premises (EWS)</translation>
    </message>
    <message>
        <source>A mailbox in Microsoft 365 is reached through Graph. Microsoft 365 over EWS only works while the city&apos;s tenant allows this app, and at the latest until 1 April 2027. Exchange on-premises keeps EWS.</source>
        <translation>Een mailbox in Microsoft 365 wordt via Graph bereikt. Microsoft 365 via EWS werkt alleen zolang de tenant van de stad deze app toelaat, en uiterlijk tot 1 april 2027. Exchange on-premises blijft EWS gebruiken.</translation>
    </message>
    <message>
        <source>DOMAIN\user or user@kortrijk.be</source>
        <translation>DOMEIN\gebruiker of gebruiker@kortrijk.be</translation>
    </message>
    <message>
        <source>Windows sign-in (NTLM)</source>
        <translation>Windows-aanmelding (NTLM)</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Microsoft 365 (sign in with the browser)</source>
        <translation>Microsoft 365 (aanmelden via de browser)</translation>
    </message>
    <message>
        <source>Application ID from the IT department</source>
        <translation>Toepassings-ID van de informaticadienst</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Aanmelden…</translation>
    </message>
    <message>
        <source>Sign in with &amp;code…</source>
        <translation>Aanmelden met &amp;code…</translation>
    </message>
    <message>
        <source>For a browser that cannot finish the sign-in: enter a code on any device.</source>
        <translation>Voor een browser die de aanmelding niet kan afronden: geef een code in op een willekeurig toestel.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Afmelden</translation>
    </message>
    <message>
        <source>Co&amp;py code</source>
        <translation>Code &amp;kopiëren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Optional: the organisation&apos;s CA certificate</source>
        <translation>Optioneel: het CA-certificaat van de organisatie</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Show private items (only if the director gave you the right to view them)</source>
        <translation>Privé-items tonen (alleen als de algemeen directeur u het recht gaf om ze te zien)</translation>
    </message>
    <message>
        <source>Mailbox in</source>
        <translation>Mailbox in</translation>
    </message>
    <message>
        <source>EWS address</source>
        <translation>EWS-adres</translation>
    </message>
    <message>
        <source>Director&apos;s mailbox</source>
        <translation>Mailbox algemeen directeur</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Uw gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Waiting for the code to be entered…</source>
        <translation>Wacht tot de code is ingegeven…</translation>
    </message>
    <message>
        <source>Demo sandbox: signed in with its own token</source>
        <translation>Demo-sandbox: aangemeld met een eigen sleutel</translation>
    </message>
    <message>
        <source>Open %1 on any device and enter the code %2.</source>
        <translation>Open %1 op een willekeurig toestel en geef de code %2 in.</translation>
    </message>
    <message>
        <source>Fill in the director&apos;s mailbox, the tenant and the application ID.</source>
        <translation>Vul de mailbox van de algemeen directeur, de tenant en de toepassings-ID in.</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 first.</source>
        <translation>Meld u eerst aan bij Microsoft 365.</translation>
    </message>
    <message>
        <source>Fill in the director&apos;s mailbox, your user name and your password.</source>
        <translation>Vul de mailbox van de algemeen directeur, uw gebruikersnaam en uw wachtwoord in.</translation>
    </message>
    <message>
        <source>Looking for the server (autodiscover)…</source>
        <translation>Server zoeken (autodiscover)…</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Aanmeldmethode</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>Toepassings-ID</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certificaat</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>Empty: found automatically (autodiscover)</source>
        <translation>Leeg: wordt automatisch gevonden (autodiscover)</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened…</source>
        <translation>Meld u aan in het browservenster dat net openging…</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Aangemeld als %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Aanmelden annuleren</translation>
    </message>
    <message>
        <source>Fill in the tenant and the application ID.</source>
        <translation>Vul de tenant en de toepassings-ID in.</translation>
    </message>
    <message>
        <source>Signing in to Microsoft 365</source>
        <translation>Aanmelden bij Microsoft 365</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificaten (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbinding wordt getest…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbinding testen</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your data has been kept. Please send the report below to the IT service desk.

Report: {report}
Log file: {log}</source>
        <translation>Er ging iets onverwachts mis. Uw gegevens zijn bewaard. Stuur het verslag hieronder naar de informaticadienst.

Verslag: {report}
Logbestand: {log}</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Verslag kopiëren</translation>
    </message>
</context>
<context>
    <name>CycleModel</name>
    <message>
        <source>Cycle</source>
        <translation>Cyclus</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Next milestone</source>
        <translation>Volgende mijlpaal</translation>
    </message>
    <message>
        <source>Open parts</source>
        <translation>Open bijdragen</translation>
    </message>
    <message>
        <source>all milestones passed</source>
        <translation>alle mijlpalen voorbij</translation>
    </message>
    <message>
        <source>{open} of {total}</source>
        <translation>{open} van {total}</translation>
    </message>
</context>
<context>
    <name>DayOverviewDialog</name>
    <message>
        <source>Day overview</source>
        <translation>Dagoverzicht</translation>
    </message>
    <message>
        <source>Next working day ({day})</source>
        <translation>Volgende werkdag ({day})</translation>
    </message>
    <message>
        <source>The week of that day</source>
        <translation>De week van die dag</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>Opslaan als PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Reading the day overview</source>
        <translation>Dagoverzicht lezen</translation>
    </message>
    <message>
        <source>Save the day overview</source>
        <translation>Dagoverzicht opslaan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the day overview</source>
        <translation>Dagoverzicht opslaan</translation>
    </message>
</context>
<context>
    <name>DayOverviewMailer</name>
    <message>
        <source>Mailing the day overview</source>
        <translation>Dagoverzicht mailen</translation>
    </message>
</context>
<context>
    <name>DayTile</name>
    <message>
        <source>No appointments</source>
        <translation>Geen afspraken</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>nog %n</numerusform>
            <numerusform>nog %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinePanel</name>
    <message>
        <source>Deadlines in the coming two weeks</source>
        <translation>Deadlines komende twee weken</translation>
    </message>
    <message>
        <source>No deadlines in the coming two weeks.</source>
        <translation>Geen deadlines in de komende twee weken.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
</context>
<context>
    <name>DeliverableLinkDialog</name>
    <message>
        <source>Reporting: received part</source>
        <translation>Rapportering: ontvangen stuk</translation>
    </message>
    <message>
        <source>Which reporting part does this mail bring? Type to filter; Enter links the mail and its first attachment.</source>
        <translation>Welk rapporteringsstuk brengt deze mail? Typ om te filteren; Enter koppelt de mail en haar eerste bijlage.</translation>
    </message>
    <message>
        <source>Filter parts…</source>
        <translation>Stukken filteren…</translation>
    </message>
    <message>
        <source>No open reporting part matches.</source>
        <translation>Geen open rapporteringsstuk komt overeen.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppelen</translation>
    </message>
</context>
<context>
    <name>DetailsController</name>
    <message>
        <source>Choose an appointment</source>
        <translation>Kies een afspraak</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Loading the appointment</source>
        <translation>De afspraak laden</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>Deze afspraak bestaat niet meer.</translation>
    </message>
    <message>
        <source>Booking a preparation block</source>
        <translation>Een voorbereidingsblok boeken</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Choose an appointment</source>
        <translation>Kies een afspraak</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Plaats: {place}</translation>
    </message>
    <message>
        <source>Organiser: {name}</source>
        <translation>Organisator: {name}</translation>
    </message>
    <message>
        <source>Attendees: {names}</source>
        <translation>Deelnemers: {names}</translation>
    </message>
    <message>
        <source>From the office</source>
        <translation>Van het kabinet</translation>
    </message>
    <message>
        <source>Nothing from the office for this appointment</source>
        <translation>Niets van het kabinet voor deze afspraak</translation>
    </message>
    <message>
        <source>Mails</source>
        <translation>Mails</translation>
    </message>
    <message>
        <source>Open action points</source>
        <translation>Open actiepunten</translation>
    </message>
    <message>
        <source>Visit or tour</source>
        <translation>Bezoek of rondleiding</translation>
    </message>
    <message>
        <source>Checklist (room, catering, guide, …)</source>
        <translation>Checklist (zaal, catering, gids, …)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Rondleiding</translation>
    </message>
    <message>
        <source>Checklist: {done}/{total} done</source>
        <translation>Checklist: {done}/{total} afgewerkt</translation>
    </message>
    <message>
        <source>, {late} late</source>
        <translation>, {late} te laat</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Boeken…</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Boeken</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Voorbereiding</translation>
    </message>
    <message>
        <source>Preparation booked ({when})</source>
        <translation>Voorbereiding geboekt ({when})</translation>
    </message>
    <message>
        <source>Proposal: {when}</source>
        <translation>Voorstel: {when}</translation>
    </message>
    <message>
        <source>Book this preparation block in the director&apos;s calendar (Ctrl+B)</source>
        <translation>Dit voorbereidingsblok in de agenda van de directeur boeken (Ctrl+B)</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count} meer</translation>
    </message>
</context>
<context>
    <name>DueEdit</name>
    <message>
        <source>Deadline: fr, 15/3, tomorrow, +2w</source>
        <translation>Deadline: vr, 15/3, morgen, +2w</translation>
    </message>
    <message>
        <source>Not understood: try fr, 15/3 or +2w</source>
        <translation>Niet begrepen: typ bv. vr, 15/3 of +2w</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mogelijke dubbels</translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation>Geen mogelijke dubbels.</translation>
    </message>
    <message>
        <source>&amp;Merge, keep the left one…</source>
        <translation>&amp;Samenvoegen, linkse behouden…</translation>
    </message>
    <message>
        <source>Merge, keep the &amp;right one…</source>
        <translation>Samenvoegen, &amp;rechtse behouden…</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>&amp;Geen dubbel</translation>
    </message>
    <message>
        <source>Looking for duplicates</source>
        <translation>Dubbels zoeken</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>Personen samenvoegen</translation>
    </message>
    <message>
        <source>Keep {kept} and merge {dropped} into it?

Empty fields of {kept} are filled from {dropped}; tags and notes are combined; every mail, fiche, overleg and action point of {dropped} moves to {kept}. Then {dropped} is removed.</source>
        <translation>{kept} behouden en {dropped} erin samenvoegen?

Lege velden van {kept} worden aangevuld uit {dropped}; tags en notities worden samengevoegd; elke mail, fiche, overleg en elk actiepunt van {dropped} gaat naar {kept}. Daarna wordt {dropped} verwijderd.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Merging people</source>
        <translation>Personen samenvoegen</translation>
    </message>
    <message>
        <source>Marking as not a duplicate</source>
        <translation>Markeren als geen dubbel</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mogelijke dubbel</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
</context>
<context>
    <name>FicheEditor</name>
    <message>
        <source>Add a person by name…</source>
        <translation>Persoon toevoegen op naam…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Confirm person</source>
        <translation>Persoon bevestigen</translation>
    </message>
    <message>
        <source>Paste attendees…</source>
        <translation>Deelnemers plakken…</translation>
    </message>
    <message>
        <source>People worth meeting</source>
        <translation>Interessante personen</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Bewaren (Ctrl+S)</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Ter nazicht indienen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Back to draft with comments</source>
        <translation>Terug naar concept met opmerkingen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Heropenen</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publiceren…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenement</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>Director&apos;s role</source>
        <translation>Rol van de algemeen directeur</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>Logistiek</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Soort evenement</translation>
    </message>
    <message>
        <source>Objective (one sentence)</source>
        <translation>Doel (één zin)</translation>
    </message>
    <message>
        <source>Kortrijk&apos;s position</source>
        <translation>Standpunt van Kortrijk</translation>
    </message>
    <message>
        <source>Key messages (3-5)</source>
        <translation>Kernboodschappen (3-5)</translation>
    </message>
    <message>
        <source>Asks and offers</source>
        <translation>Vragen en aanbod</translation>
    </message>
    <message>
        <source>Sensitive topics; what not to say</source>
        <translation>Gevoelige punten; wat niet zeggen</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Achtergrond</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>Director&apos;s comments: %1</source>
        <translation>Opmerkingen van de algemeen directeur: %1</translation>
    </message>
</context>
<context>
    <name>FicheHtml</name>
    <message>
        <source>your role: {role}</source>
        <translation>uw rol: {role}</translation>
    </message>
    <message>
        <source>Brief: {state}</source>
        <translation>Fiche: {state}</translation>
    </message>
    <message>
        <source>Your comment: {comments}</source>
        <translation>Uw opmerking: {comments}</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>Kernboodschappen</translation>
    </message>
    <message>
        <source>People to meet</source>
        <translation>Wie ontmoeten</translation>
    </message>
    <message>
        <source>Open: {matters}</source>
        <translation>Lopende dossiers: {matters}</translation>
    </message>
    <message>
        <source>Opener: {opener}</source>
        <translation>Openingszin: {opener}</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Standpunt</translation>
    </message>
    <message>
        <source>Asks and offers</source>
        <translation>Vragen en aanbod</translation>
    </message>
    <message>
        <source>Sensitive topics</source>
        <translation>Gevoelige punten</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Achtergrond</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>Praktisch</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
</context>
<context>
    <name>FicheListModel</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Within three days and not approved yet</source>
        <translation>Binnen drie dagen en nog niet goedgekeurd</translation>
    </message>
</context>
<context>
    <name>FicheState</name>
    <message>
        <source>no brief</source>
        <translation>geen fiche</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>for review</source>
        <translation>ter nazicht</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>goedgekeurd</translation>
    </message>
</context>
<context>
    <name>FichesArea</name>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Next 4 weeks</source>
        <translation>Volgende 4 weken</translation>
    </message>
    <message>
        <source>All coming</source>
        <translation>Alle komende</translation>
    </message>
    <message>
        <source>Make brief (Enter)</source>
        <translation>Fiche maken (Enter)</translation>
    </message>
    <message>
        <source>Not external</source>
        <translation>Niet extern</translation>
    </message>
    <message>
        <source>This appointment needs no brief: take it off the list</source>
        <translation>Deze afspraak heeft geen fiche nodig: van de lijst halen</translation>
    </message>
    <message>
        <source>No external appointments in this period. Appointments organised outside the city, or with the category &quot;Extern&quot;, appear here.</source>
        <translation>Geen externe afspraken in deze periode. Afspraken die buiten de stad georganiseerd worden, of met de categorie &quot;Extern&quot;, verschijnen hier.</translation>
    </message>
    <message>
        <source>Briefs</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Loading briefs</source>
        <translation>Fiches laden</translation>
    </message>
    <message>
        <source>Loading brief</source>
        <translation>Fiche laden</translation>
    </message>
    <message>
        <source>Making brief</source>
        <translation>Fiche maken</translation>
    </message>
    <message>
        <source>Marking appointment</source>
        <translation>Afspraak markeren</translation>
    </message>
    <message>
        <source>Brief saved.</source>
        <translation>Fiche bewaard.</translation>
    </message>
    <message>
        <source>Saving brief</source>
        <translation>Fiche bewaren</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Terug naar concept</translation>
    </message>
    <message>
        <source>What should change?</source>
        <translation>Wat moet er veranderen?</translation>
    </message>
    <message>
        <source>Reviewing brief</source>
        <translation>Fiche nazicht</translation>
    </message>
    <message>
        <source>Adding person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Paste attendees</source>
        <translation>Deelnemers plakken</translation>
    </message>
    <message>
        <source>One per line: &quot;Name, Function, Organisation&quot; or &quot;Name &lt;address&gt;&quot;, or a CSV with a header row.</source>
        <translation>Eén per regel: &quot;Naam, Functie, Organisatie&quot; of &quot;Naam &lt;adres&gt;&quot;, of een CSV met een kopregel.</translation>
    </message>
    <message>
        <source>Importing attendees</source>
        <translation>Deelnemers importeren</translation>
    </message>
    <message>
        <source>Loading version</source>
        <translation>Versie laden</translation>
    </message>
    <message>
        <source>Changing brief</source>
        <translation>Fiche wijzigen</translation>
    </message>
</context>
<context>
    <name>FileDropFilter</name>
    <message>
        <source>Not imported (only .eml, .msg and .ics files): {names}</source>
        <translation>Niet geïmporteerd (alleen .eml-, .msg- en .ics-bestanden): {names}</translation>
    </message>
</context>
<context>
    <name>FindTimeDialog</name>
    <message>
        <source>Find a time</source>
        <translation>Zoek een moment</translation>
    </message>
    <message>
        <source>Name or mail address; ↓ chooses, Enter adds</source>
        <translation>Naam of mailadres; ↓ kiest, Enter voegt toe</translation>
    </message>
    <message>
        <source>Reading the colleagues</source>
        <translation>Collega&apos;s inlezen</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuten</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Locatie:</translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation>&amp;Deelnemers:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duur:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Tot:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Reading availability…</source>
        <translation>Beschikbaarheid lezen…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Book this time</source>
        <translation>Dit moment boeken</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a known colleague nor a mail address.</source>
        <translation>&apos;{text}&apos; is geen gekende collega en geen mailadres.</translation>
    </message>
    <message>
        <source>Not connected to Exchange: the colleagues&apos; availability cannot be read. Set up the connection first (File, Connection with Exchange).</source>
        <translation>Niet verbonden met Exchange: de beschikbaarheid van de collega&apos;s kan niet worden gelezen. Stel eerst de verbinding in (Bestand, Verbinding met Exchange).</translation>
    </message>
    <message>
        <source>Reading the availability of {count} people…</source>
        <translation>Beschikbaarheid van {count} personen lezen…</translation>
    </message>
    <message>
        <source>Search stopped.</source>
        <translation>Zoeken gestopt.</translation>
    </message>
    <message>
        <source>Finding a time</source>
        <translation>Een moment zoeken</translation>
    </message>
    <message>
        <source>The first times that suit everyone:</source>
        <translation>De eerste momenten waarop iedereen kan:</translation>
    </message>
    <message>
        <source>No time suits everyone in this period. Try a longer period or a shorter meeting.</source>
        <translation>In deze periode past geen moment voor iedereen. Probeer een langere periode of een kortere vergadering.</translation>
    </message>
    <message>
        <source>Booking the appointment</source>
        <translation>De afspraak boeken</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Volgende week</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Geen datum</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Kies datum…</translation>
    </message>
    <message>
        <source>Follow-up flag</source>
        <translation>Opvolgen</translation>
    </message>
</context>
<context>
    <name>FolderChoiceModel</name>
    <message>
        <source>Always synchronised</source>
        <translation>Altijd gesynchroniseerd</translation>
    </message>
</context>
<context>
    <name>FolderPickerDialog</name>
    <message>
        <source>File to folder</source>
        <translation>Archiveren in map</translation>
    </message>
    <message>
        <source>Type part of a folder name; Enter moves the mail there.</source>
        <translation>Typ een deel van de mapnaam; Enter verplaatst de mail daarheen.</translation>
    </message>
    <message>
        <source>Filter folders…</source>
        <translation>Mappen filteren…</translation>
    </message>
    <message>
        <source>No synchronised folder matches.</source>
        <translation>Geen gesynchroniseerde map gevonden.</translation>
    </message>
    <message>
        <source>recently used</source>
        <translation>recent gebruikt</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verplaatsen</translation>
    </message>
</context>
<context>
    <name>FoldersDialog</name>
    <message>
        <source>Folders to synchronise</source>
        <translation>Mappen om te synchroniseren</translation>
    </message>
    <message>
        <source>Inbox, Sent Items and the calendar are always synchronised. Tick the other folders you want here too.</source>
        <translation>Postvak IN, Verzonden items en de agenda worden altijd gesynchroniseerd. Vink de andere mappen aan die u hier ook wilt.</translation>
    </message>
    <message>
        <source>The folders appear after the first synchronisation.</source>
        <translation>De mappen verschijnen na de eerste synchronisatie.</translation>
    </message>
    <message>
        <source>Saving the folders to synchronise</source>
        <translation>Mappen om te synchroniseren bewaren</translation>
    </message>
</context>
<context>
    <name>FollowupArea</name>
    <message>
        <source>Nothing to follow up. Mark an appointment as a visit or tour to get its checklist here.</source>
        <translation>Niets op te volgen. Markeer een afspraak als bezoek of rondleiding om de checklist hier te zien.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Loading follow-up</source>
        <translation>Opvolging laden</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Export follow-up</source>
        <translation>Opvolging exporteren</translation>
    </message>
    <message>
        <source>Exporting follow-up</source>
        <translation>Opvolging exporteren</translation>
    </message>
    <message>
        <source>Saving the action point</source>
        <translation>Actiepunt bewaren</translation>
    </message>
    <message>
        <source>Only action points can be put on a meeting.</source>
        <translation>Alleen actiepunten kunnen op een overleg geagendeerd worden.</translation>
    </message>
    <message>
        <source>This action point is done; it no longer comes back.</source>
        <translation>Dit actiepunt is afgewerkt; het komt niet meer terug.</translation>
    </message>
    <message>
        <source>Loading the meetings</source>
        <translation>Vergaderingen laden</translation>
    </message>
    <message>
        <source>Putting the action point on the agenda</source>
        <translation>Actiepunt agenderen</translation>
    </message>
    <message>
        <source>Loading the history</source>
        <translation>Geschiedenis laden</translation>
    </message>
    <message>
        <source>Saving the checklist</source>
        <translation>Checklist bewaren</translation>
    </message>
</context>
<context>
    <name>FollowupFilterBar</name>
    <message>
        <source>Owner…</source>
        <translation>Eigenaar…</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Filteren op eigenaar</translation>
    </message>
    <message>
        <source>Filter by series</source>
        <translation>Filteren op reeks</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>Alle reeksen</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <source>Filter by due date</source>
        <translation>Filteren op deadline</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Elke deadline</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Zonder datum</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filteren op status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Afgewerkt</translation>
    </message>
    <message>
        <source>Also finished</source>
        <translation>Ook afgewerkte</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Export the list as shown to Excel</source>
        <translation>De lijst zoals getoond naar Excel exporteren</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export the list as shown to PDF</source>
        <translation>De lijst zoals getoond naar PDF exporteren</translation>
    </message>
</context>
<context>
    <name>FollowupModel</name>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>Appointment date</source>
        <translation>Datum afspraak</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tegen</translation>
    </message>
    <message>
        <source>{due} (late)</source>
        <translation>{due} (te laat)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (here)</source>
        <translation>%1 (hier)</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>D done, L in progress, O open again, F2 owner or deadline, N discussed</source>
        <translation>D afgewerkt, L lopend, O terug open, F2 eigenaar of deadline, N besproken</translation>
    </message>
    <message>
        <source>No open action points come back at this meeting.</source>
        <translation>Er komen geen open actiepunten terug op deze vergadering.</translation>
    </message>
    <message>
        <source>Loading names</source>
        <translation>Namen laden</translation>
    </message>
    <message>
        <source>Loading the follow-up</source>
        <translation>Opvolging laden</translation>
    </message>
    <message>
        <source>Changing the status</source>
        <translation>Status wijzigen</translation>
    </message>
    <message>
        <source>Changing the action point</source>
        <translation>Actiepunt wijzigen</translation>
    </message>
    <message>
        <source>Discussed</source>
        <translation>Besproken</translation>
    </message>
    <message>
        <source>What was said about “%1”?</source>
        <translation>Wat werd er gezegd over “%1”?</translation>
    </message>
    <message>
        <source>Noting the discussion</source>
        <translation>Bespreking noteren</translation>
    </message>
</context>
<context>
    <name>FollowupShortcuts</name>
    <message>
        <source>Tick the item or action point off (or on again)</source>
        <translation>Punt of actiepunt afvinken (of weer openzetten)</translation>
    </message>
    <message>
        <source>Mark the action point in progress (or open again)</source>
        <translation>Actiepunt op lopend zetten (of weer open)</translation>
    </message>
    <message>
        <source>Change the action point&apos;s owner and deadline</source>
        <translation>Eigenaar en deadline van het actiepunt wijzigen</translation>
    </message>
    <message>
        <source>Put the action point on a meeting</source>
        <translation>Actiepunt agenderen op een overleg</translation>
    </message>
    <message>
        <source>Open the checklist</source>
        <translation>De checklist openen</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Filteren op eigenaar</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Wijzigingen weggooien?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Verder bewerken</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>Importing files</source>
        <translation>Bestanden importeren</translation>
    </message>
    <message>
        <source>Imported with remarks:</source>
        <translation>Geïmporteerd met opmerkingen:</translation>
    </message>
    <message>
        <source>The details are in the log file.</source>
        <translation>De details staan in het logbestand.</translation>
    </message>
    <message>
        <source>The import stopped before all files were read; the files imported until then are kept.</source>
        <translation>Het importeren is gestopt voordat alle bestanden gelezen waren; wat tot dan geïmporteerd was, blijft bewaard.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>These files could not be imported:</source>
        <translation>Deze bestanden konden niet worden geïmporteerd:</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit agenda item</source>
        <translation>Agendapunt bewerken</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Nieuw agendapunt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation>(geen rubriek)</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Submitted &amp;by</source>
        <translation>&amp;Indiener</translation>
    </message>
    <message>
        <source>&amp;Directorate</source>
        <translation>&amp;Directie</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Minuten</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>&amp;Rubriek</translation>
    </message>
</context>
<context>
    <name>LinkChooser</name>
    <message>
        <source>Link a mail</source>
        <translation>Een mail koppelen</translation>
    </message>
    <message>
        <source>Type to find the mail that belongs to the project.</source>
        <translation>Typ om de mail te vinden die bij het project hoort.</translation>
    </message>
    <message>
        <source>No mail matches.</source>
        <translation>Geen mail gevonden.</translation>
    </message>
    <message>
        <source>Link an action point</source>
        <translation>Een actiepunt koppelen</translation>
    </message>
    <message>
        <source>Type to find the open action point that belongs to the project.</source>
        <translation>Typ om het open actiepunt te vinden dat bij het project hoort.</translation>
    </message>
    <message>
        <source>No open action point matches.</source>
        <translation>Geen open actiepunt gevonden.</translation>
    </message>
</context>
<context>
    <name>LinkModel</name>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Action point</source>
        <translation>Actiepunt</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(verwijderd)</translation>
    </message>
</context>
<context>
    <name>MailArea</name>
    <message>
        <source>Search: words, van:, aan:, bijlage:ja, voor:, na:, categorie:, map:</source>
        <translation>Zoeken: woorden, van:, aan:, bijlage:ja, voor:, na:, categorie:, map:</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>One row per conversation: its newest mail</source>
        <translation>Eén rij per gesprek: de nieuwste mail</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aanvaarden</translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message numerus="yes">
        <source>%n mail(s) selected: every key acts on all of them</source>
        <translation>
            <numerusform>%n mail geselecteerd: elke toets werkt op de hele selectie</numerusform>
            <numerusform>%n mails geselecteerd: elke toets werkt op de hele selectie</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a mail to read it here.</source>
        <translation>Kies een mail om ze hier te lezen.</translation>
    </message>
    <message>
        <source>This mail no longer exists.</source>
        <translation>Deze mail bestaat niet meer.</translation>
    </message>
    <message>
        <source>Marking read</source>
        <translation>Als gelezen markeren</translation>
    </message>
    <message>
        <source>Checking the agenda</source>
        <translation>Agenda nakijken</translation>
    </message>
    <message>
        <source>{subject} (all day)</source>
        <translation>{subject} (hele dag)</translation>
    </message>
    <message>
        <source>Suggesting an outcome</source>
        <translation>Voorstel zoeken</translation>
    </message>
    <message>
        <source>Suggestion: {outcome} — {reason}</source>
        <translation>Voorstel: {outcome} — {reason} · A aanvaarden</translation>
    </message>
    <message>
        <source>Replying and forwarding are not connected yet.</source>
        <translation>Beantwoorden en doorsturen zijn nog niet aangesloten.</translation>
    </message>
    <message>
        <source>Answering meeting requests is not connected yet.</source>
        <translation>Vergaderverzoeken beantwoorden is nog niet aangesloten.</translation>
    </message>
    <message>
        <source>Answering a meeting request</source>
        <translation>Vergaderverzoek beantwoorden</translation>
    </message>
    <message>
        <source>Reading the mail</source>
        <translation>De mail lezen</translation>
    </message>
    <message>
        <source>Allowing images</source>
        <translation>Afbeeldingen toestaan</translation>
    </message>
    <message>
        <source>Loading the mail list</source>
        <translation>Maillijst laden</translation>
    </message>
    <message>
        <source>Counting mail</source>
        <translation>Mail tellen</translation>
    </message>
    <message>
        <source>No mail in the synchronised folders</source>
        <translation>Geen mail in de gesynchroniseerde mappen</translation>
    </message>
    <message>
        <source>Last synchronised on {when}.</source>
        <translation>Laatst gesynchroniseerd op {when}.</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Niets gevonden</translation>
    </message>
    <message>
        <source>Try other words or fewer filters. Esc clears the search.</source>
        <translation>Probeer andere woorden of minder filters. Esc wist de zoekopdracht.</translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) come back later (Later).</source>
        <translation>
            <numerusform>%n mail komt later terug (Later).</numerusform>
            <numerusform>%n mails komen later terug (Later).</numerusform>
        </translation>
    </message>
    <message>
        <source>New mail appears here as it arrives.</source>
        <translation>Nieuwe mail verschijnt hier zodra ze binnenkomt.</translation>
    </message>
    <message>
        <source>All handled</source>
        <translation>Alles behandeld</translation>
    </message>
    <message>
        <source>Nothing to wait for</source>
        <translation>Niets om op te wachten</translation>
    </message>
    <message>
        <source>Mails marked &quot;Wacht op antwoord&quot; appear here until a reply arrives.</source>
        <translation>Mails met &quot;Wacht op antwoord&quot; staan hier tot er een antwoord komt.</translation>
    </message>
    <message>
        <source>No mail here</source>
        <translation>Geen mail hier</translation>
    </message>
</context>
<context>
    <name>MailListModel</name>
    <message>
        <source>Loading the mail list</source>
        <translation>Maillijst laden</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Vlag</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bijlage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(deleted meanwhile)</source>
        <translation>(intussen verwijderd)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>Later until {when}</source>
        <translation>Later tot {when}</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n day(s)</source>
        <translation>
            <numerusform>Wacht sinds %n d.</numerusform>
            <numerusform>Wacht sinds %n d.</numerusform>
        </translation>
    </message>
    <message>
        <source>No reply</source>
        <translation>Geen antwoord</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
</context>
<context>
    <name>MailPreviewDialog</name>
    <message>
        <source>Request mails</source>
        <translation>Vraag tot aanlevering</translation>
    </message>
    <message>
        <source>Reminder mails</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <source>Owner and parts</source>
        <translation>Eigenaar en bijdragen</translation>
    </message>
    <message>
        <source>{name} (no address: not mailed)</source>
        <translation>{name} (geen adres: niet gemaild)</translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) will be queued in the outbox.</source>
        <translation>
            <numerusform>%n mail wordt in de outbox gezet.</numerusform>
            <numerusform>%n mails worden in de outbox gezet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: every open part was asked or reminded already.</source>
        <translation>Niets te versturen: elke open bijdrage werd al gevraagd of herinnerd.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Versturen</translation>
    </message>
</context>
<context>
    <name>MailShortcuts</name>
    <message>
        <source>Outcome with that key (Actie AD, Ter info, …)</source>
        <translation>Uitkomst met die toets (Actie AD, Ter info, …)</translation>
    </message>
    <message>
        <source>Accept the suggestion</source>
        <translation>Voorstel aanvaarden</translation>
    </message>
    <message>
        <source>Next / previous mail</source>
        <translation>Volgende / vorige mail</translation>
    </message>
    <message>
        <source>Open the mail in its own window</source>
        <translation>Mail in een eigen venster openen</translation>
    </message>
    <message>
        <source>File to a folder</source>
        <translation>Opbergen in een map</translation>
    </message>
    <message>
        <source>Later: back in To handle on a chosen day</source>
        <translation>Later: terug in Te behandelen op een gekozen dag</translation>
    </message>
    <message>
        <source>Flag with a due date</source>
        <translation>Markeren voor opvolging met een datum</translation>
    </message>
    <message>
        <source>Clear the flag</source>
        <translation>Opvolgmarkering wissen</translation>
    </message>
    <message>
        <source>Read / unread</source>
        <translation>Gelezen / ongelezen</translation>
    </message>
    <message>
        <source>Make action point</source>
        <translation>Maak actiepunt</translation>
    </message>
    <message>
        <source>Put on the agenda of</source>
        <translation>Agenderen op</translation>
    </message>
    <message>
        <source>For a brief</source>
        <translation>Voor fiche</translation>
    </message>
    <message>
        <source>Link to a person</source>
        <translation>Koppel aan persoon</translation>
    </message>
    <message>
        <source>A reporting part received with this mail</source>
        <translation>Een bijdrage voor de rapportering ontvangen met deze mail</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Allen beantwoorden</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Doorsturen</translation>
    </message>
    <message>
        <source>Undo the last triage step</source>
        <translation>Laatste stap ongedaan maken</translation>
    </message>
    <message>
        <source>Search in mail</source>
        <translation>Zoeken in mail</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Zoekopdracht wissen</translation>
    </message>
    <message>
        <source>Show or hide these keys</source>
        <translation>Deze toetsen tonen of verbergen</translation>
    </message>
</context>
<context>
    <name>MailViewTree</name>
    <message>
        <source>To handle</source>
        <translation>Te behandelen</translation>
    </message>
    <message>
        <source>Waiting for reply</source>
        <translation>Wacht op antwoord</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Opvolgen</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Weergaven</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Mappen</translation>
    </message>
    <message>
        <source>Some mails are past their date without a reply</source>
        <translation>Sommige mails zijn over hun datum zonder antwoord</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Gegevensbank wordt geopend…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Offline: changes are kept and sent later</source>
        <translation>Offline: wijzigingen blijven bewaard en worden later verstuurd</translation>
    </message>
    <message>
        <source>Sign-in to Exchange failed</source>
        <translation>Aanmelden bij Exchange mislukt</translation>
    </message>
    <message>
        <source>Synchronising: {folder}</source>
        <translation>Synchroniseren: {folder}</translation>
    </message>
    <message>
        <source>Synchronised at {time}</source>
        <translation>Gesynchroniseerd om {time}</translation>
    </message>
    <message>
        <source>Exchange is busy: trying again in {seconds} s</source>
        <translation>Exchange is druk: opnieuw over {seconds} s</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>Verbinding…</translation>
    </message>
    <message>
        <source>Agendabundel saved: {path}</source>
        <translation>Agendabundel bewaard: {path}</translation>
    </message>
    <message>
        <source>Reading the year plan</source>
        <translation>Het jaarplan lezen</translation>
    </message>
    <message>
        <source>{count} meetings written to {path}</source>
        <translation>{count} vergaderingen geschreven naar {path}</translation>
    </message>
    <message>
        <source>Preparing the reply</source>
        <translation>Antwoord voorbereiden</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Gegevensbank openen</translation>
    </message>
    <message>
        <source>Microsoft 365 (Graph)</source>
        <translation>Microsoft 365 (Graph)</translation>
    </message>
    <message>
        <source>Exchange (EWS)</source>
        <translation>Exchange (EWS)</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Lokale databank</translation>
    </message>
    <message>
        <source>Shared database: {where}</source>
        <translation>Gedeelde databank: {where}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Snel zoeken</translation>
    </message>
    <message>
        <source>Connection with Exchange…</source>
        <translation>Verbinding met Exchange…</translation>
    </message>
    <message>
        <source>Folders to synchronise…</source>
        <translation>Mappen om te synchroniseren…</translation>
    </message>
    <message>
        <source>Standard texts…</source>
        <translation>Standaardteksten…</translation>
    </message>
    <message>
        <source>Outcomes…</source>
        <translation>Uitkomsten…</translation>
    </message>
    <message>
        <source>Find a time…</source>
        <translation>Zoek een moment…</translation>
    </message>
    <message>
        <source>Agenda settings…</source>
        <translation>Agenda-instellingen…</translation>
    </message>
    <message>
        <source>Meeting series…</source>
        <translation>Overlegreeksen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Over {app}</translation>
    </message>
    <message>
        <source>Making the brief</source>
        <translation>De fiche maken</translation>
    </message>
    <message>
        <source>Reminding the owners</source>
        <translation>De eigenaars herinneren</translation>
    </message>
    <message>
        <source>No owner to remind (or reminded today already).</source>
        <translation>Geen eigenaar om te herinneren (of vandaag al herinnerd).</translation>
    </message>
    <message>
        <source>No address for: {names}.</source>
        <translation>Geen adres voor: {names}.</translation>
    </message>
    <message>
        <source>Moving the meeting</source>
        <translation>De vergadering verplaatsen</translation>
    </message>
    <message>
        <source>Cancel meeting</source>
        <translation>Vergadering annuleren</translation>
    </message>
    <message>
        <source>Cancel this meeting? Its agenda items stay with it, so you can move them to another meeting.</source>
        <translation>Deze vergadering annuleren? De agendapunten blijven eraan hangen, zodat u ze naar een andere vergadering kunt verplaatsen.</translation>
    </message>
    <message>
        <source>Cancelling the meeting</source>
        <translation>De vergadering annuleren</translation>
    </message>
    <message>
        <source>Sending reminders</source>
        <translation>Herinneringen versturen</translation>
    </message>
    <message>
        <source>Reminders queued: {count}.</source>
        <translation>Herinneringen klaargezet: {count}.</translation>
    </message>
    <message>
        <source>Nobody is late with a stuk (or was reminded today already).</source>
        <translation>Niemand is te laat met een stuk (of kreeg vandaag al een herinnering).</translation>
    </message>
    <message>
        <source>Requesting stukken</source>
        <translation>Stukken opvragen</translation>
    </message>
    <message>
        <source>Every item with an owner has its stukken requested already.</source>
        <translation>Voor elk agendapunt met een eigenaar zijn de stukken al opgevraagd.</translation>
    </message>
    <message>
        <source>Request stukken</source>
        <translation>Stukken opvragen</translation>
    </message>
    <message>
        <source>Request {items} stukken from {owners} people (one mail each)?

{names}</source>
        <translation>{items} stukken opvragen bij {owners} personen (één mail per persoon)?

{names}</translation>
    </message>
    <message>
        <source>Loading the overview</source>
        <translation>Overzicht laden</translation>
    </message>
    <message>
        <source>The overview could not be loaded.</source>
        <translation>Het overzicht kon niet worden geladen.</translation>
    </message>
    <message>
        <source>Still opening the database…</source>
        <translation>De gegevensbank wordt nog geopend…</translation>
    </message>
    <message>
        <source>Not connected to Exchange</source>
        <translation>Niet verbonden met Exchange</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop the synchronisation (it resumes later)</source>
        <translation>De synchronisatie stoppen (ze gaat later verder)</translation>
    </message>
    <message>
        <source>Synchronise and refresh</source>
        <translation>Synchroniseren en vernieuwen</translation>
    </message>
    <message>
        <source>Outgoing…</source>
        <translation>Uitgaand…</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>Dit item bestaat niet meer.</translation>
    </message>
    <message>
        <source>Meetings: {what}</source>
        <translation>Overleg: {what}</translation>
    </message>
    <message>
        <source>Agenda: {what}</source>
        <translation>Agenda: {what}</translation>
    </message>
    <message>
        <source>Follow-up: {what}</source>
        <translation>Opvolging: {what}</translation>
    </message>
    <message>
        <source>{app} {version}
The cockpit of the office of the general director, Stad en OCMW Kortrijk.</source>
        <translation>{app} {version}
De cockpit van het kabinet van de algemeen directeur, Stad en OCMW Kortrijk.</translation>
    </message>
    <message>
        <source>Mail list: {what}</source>
        <translation>Maillijst: {what}</translation>
    </message>
    <message>
        <source>Day overview…</source>
        <translation>Dagoverzicht…</translation>
    </message>
    <message>
        <source>Checklist for visits and tours…</source>
        <translation>Checklist voor bezoeken en rondleidingen…</translation>
    </message>
    <message>
        <source>People: {what}</source>
        <translation>Personen: {what}</translation>
    </message>
    <message>
        <source>Reporting: {what}</source>
        <translation>Rapportering: {what}</translation>
    </message>
    <message>
        <source>Projects: {what}</source>
        <translation>Projecten: {what}</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>{done}/{parts} in · {late} late</source>
        <translation>{done}/{parts} binnen · {late} te laat</translation>
    </message>
    <message>
        <source>{name}, deadline {deadline}: {done} of {parts} parts in, {soon} due soon, {late} late</source>
        <translation>{name}, deadline {deadline}: {done} van {parts} bijdragen binnen, {soon} bijna verlopen, {late} te laat</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>Eigenaar: {owner}</translation>
    </message>
    <message>
        <source>Due: {due}</source>
        <translation>Tegen: {due}</translation>
    </message>
    <message>
        <source>Document: {name}</source>
        <translation>Document: {name}</translation>
    </message>
    <message>
        <source>No document yet</source>
        <translation>Nog geen document</translation>
    </message>
</context>
<context>
    <name>MeetingCard</name>
    <message>
        <source>Meeting request</source>
        <translation>Vergaderverzoek</translation>
    </message>
    <message>
        <source>Message to the organiser (optional)</source>
        <translation>Bericht aan de organisator (optioneel)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aanvaarden</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>Voorlopig</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Weigeren</translation>
    </message>
    <message>
        <source>{days}, all day</source>
        <translation>{days}, hele dag</translation>
    </message>
    <message>
        <source>Where: {place}</source>
        <translation>Waar: {place}</translation>
    </message>
    <message>
        <source>Organiser: {name}</source>
        <translation>Organisator: {name}</translation>
    </message>
    <message>
        <source>Meeting cancelled</source>
        <translation>Vergadering geannuleerd</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Also in the agenda then: {items}</source>
        <translation>Ook in de agenda op dat moment: {items}</translation>
    </message>
    <message>
        <source>{answer}: being recorded…</source>
        <translation>{answer}: wordt vastgelegd…</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aanvaard</translation>
    </message>
    <message>
        <source>Tentatively accepted</source>
        <translation>Voorlopig aanvaard</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>{answer} on {moment}</source>
        <translation>{answer} op {moment}</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehouden</translation>
    </message>
    <message>
        <source>past</source>
        <translation>voorbij</translation>
    </message>
    <message>
        <source>agenda sent</source>
        <translation>agenda verstuurd</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Punten</translation>
    </message>
</context>
<context>
    <name>MeetingsArea</name>
    <message>
        <source>No meeting series yet. Add the MAT and the DC with their weekday and time.</source>
        <translation>Nog geen overlegreeksen. Voeg het MAT en het DC toe met hun weekdag en uur.</translation>
    </message>
    <message>
        <source>No meetings planned for this series. Make a year plan to plan them.</source>
        <translation>Geen vergaderingen gepland voor deze reeks. Maak een jaarplan om ze te plannen.</translation>
    </message>
    <message>
        <source>Nothing on the agenda yet. Press Ins to add an item, or add an action point from below.</source>
        <translation>Nog niets op de agenda. Druk op Ins om een punt toe te voegen, of voeg hieronder een actiepunt toe.</translation>
    </message>
    <message>
        <source>Choose a meeting to see its agenda.</source>
        <translation>Kies een overleg om de agenda te zien.</translation>
    </message>
    <message>
        <source>No open action points for this meeting.</source>
        <translation>Geen open actiepunten voor dit overleg.</translation>
    </message>
    <message>
        <source>No documents missing.</source>
        <translation>Er ontbreken geen stukken.</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reeksen</translation>
    </message>
    <message>
        <source>Follow-up: open points back at this meeting (Enter adds)</source>
        <translation>Opvolging: open punten die op deze vergadering terugkomen (Enter voegt toe)</translation>
    </message>
    <message>
        <source>Documents still missing</source>
        <translation>Stukken die nog ontbreken</translation>
    </message>
    <message>
        <source>Remind late ones</source>
        <translation>Herinner wie te laat is</translation>
    </message>
    <message>
        <source>Request documents</source>
        <translation>Stukken opvragen</translation>
    </message>
    <message>
        <source>Send agenda</source>
        <translation>Agenda versturen</translation>
    </message>
    <message>
        <source>Agenda bundle</source>
        <translation>Agendabundel</translation>
    </message>
    <message>
        <source>Year plan</source>
        <translation>Jaarplan</translation>
    </message>
    <message>
        <source>Series settings</source>
        <translation>Reeks bewerken</translation>
    </message>
    <message>
        <source>Take minutes</source>
        <translation>Notuleren</translation>
    </message>
    <message>
        <source>Minutes report</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <source>Remind owners</source>
        <translation>Eigenaars herinneren</translation>
    </message>
    <message>
        <source>Move meeting…</source>
        <translation>Verplaatsen…</translation>
    </message>
    <message>
        <source>Cancel meeting…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Punt toevoegen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Open mail</source>
        <translation>Mail openen</translation>
    </message>
    <message>
        <source>Add action point</source>
        <translation>Actiepunt agenderen</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>goedkeuring</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>beslissing</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>advies</translation>
    </message>
    <message>
        <source>discussion</source>
        <translation>bespreking</translation>
    </message>
    <message>
        <source>information</source>
        <translation>informatie</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>gevraagd</translation>
    </message>
    <message>
        <source>received</source>
        <translation>ontvangen</translation>
    </message>
    <message>
        <source>late</source>
        <translation>te laat</translation>
    </message>
</context>
<context>
    <name>MeetingsController</name>
    <message>
        <source>Loading meetings</source>
        <translation>Overleg laden</translation>
    </message>
    <message>
        <source>{planned} of {length} minutes planned</source>
        <translation>{planned} van {length} minuten gepland</translation>
    </message>
    <message>
        <source>agenda closes {when}</source>
        <translation>agenda sluit {when}</translation>
    </message>
    <message>
        <source>{n} document(s) late</source>
        <translation>{n} stuk(ken) te laat</translation>
    </message>
    <message>
        <source>Choose a meeting first.</source>
        <translation>Kies eerst een overleg.</translation>
    </message>
    <message>
        <source>Saving the agenda</source>
        <translation>Agenda bewaren</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Agendapunt verwijderen</translation>
    </message>
    <message>
        <source>Remove “{title}” and its {n} requested document(s)?</source>
        <translation>“{title}” en de {n} gevraagde stuk(ken) verwijderen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>Removing the agenda item</source>
        <translation>Agendapunt verwijderen</translation>
    </message>
    <message>
        <source>“{title}” removed. Ctrl+Z puts it back.</source>
        <translation>“{title}” verwijderd. Ctrl+Z zet het terug.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Niets om ongedaan te maken.</translation>
    </message>
    <message>
        <source>No action point to add.</source>
        <translation>Geen actiepunt om toe te voegen.</translation>
    </message>
    <message>
        <source>This item did not come from a mail.</source>
        <translation>Dit punt komt niet uit een mail.</translation>
    </message>
    <message>
        <source>Choose a series first.</source>
        <translation>Kies eerst een reeks.</translation>
    </message>
</context>
<context>
    <name>MeetingsShortcuts</name>
    <message>
        <source>Add an agenda item</source>
        <translation>Een agendapunt toevoegen</translation>
    </message>
    <message>
        <source>Edit the agenda item</source>
        <translation>Het agendapunt bewerken</translation>
    </message>
    <message>
        <source>Remove the agenda item (Ctrl+Z puts it back)</source>
        <translation>Het agendapunt verwijderen (Ctrl+Z zet het terug)</translation>
    </message>
    <message>
        <source>Move the agenda item up or down</source>
        <translation>Het agendapunt omhoog of omlaag schuiven</translation>
    </message>
    <message>
        <source>Open the mail the item came from</source>
        <translation>De mail openen waar het punt vandaan kwam</translation>
    </message>
    <message>
        <source>Remind everyone whose documents are late</source>
        <translation>Iedereen herinneren wiens stukken te laat zijn</translation>
    </message>
    <message>
        <source>Request the documents for this meeting</source>
        <translation>De stukken voor deze vergadering opvragen</translation>
    </message>
    <message>
        <source>Send the agenda</source>
        <translation>De agenda versturen</translation>
    </message>
    <message>
        <source>Make the agenda bundle</source>
        <translation>De agendabundel maken</translation>
    </message>
    <message>
        <source>Open the year plan of the series</source>
        <translation>Het jaarplan van de reeks openen</translation>
    </message>
    <message>
        <source>Edit the series</source>
        <translation>De reeks bewerken</translation>
    </message>
    <message>
        <source>Take the minutes of this meeting</source>
        <translation>De notulen van deze vergadering nemen</translation>
    </message>
    <message>
        <source>The verslag: versions, sending, send log</source>
        <translation>Het verslag: versies, versturen, verzendlog</translation>
    </message>
    <message>
        <source>Remind the owners of the action points that come back at this meeting</source>
        <translation>De eigenaars herinneren van de actiepunten die op deze vergadering terugkomen</translation>
    </message>
    <message>
        <source>Move the meeting to another day or hour</source>
        <translation>De vergadering naar een andere dag of ander uur verplaatsen</translation>
    </message>
    <message>
        <source>Cancel the meeting (its items stay)</source>
        <translation>De vergadering annuleren (de punten blijven)</translation>
    </message>
    <message>
        <source>Put the chosen action point on the agenda</source>
        <translation>Het gekozen actiepunt agenderen</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Reload</source>
        <translation>Opnieuw laden</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>New milestone</source>
        <translation>Nieuwe mijlpaal</translation>
    </message>
    <message>
        <source>Edit milestone</source>
        <translation>Mijlpaal bewerken</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
</context>
<context>
    <name>MilestoneModel</name>
    <message>
        <source>Milestone</source>
        <translation>Mijlpaal</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoven</translation>
    </message>
    <message>
        <source>⚠ moved: {why}</source>
        <translation>⚠ verschoven: {why}</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Klaar op</translation>
    </message>
    <message>
        <source>{due} (late)</source>
        <translation>{due} (te laat)</translation>
    </message>
</context>
<context>
    <name>MinutesConflictDialog</name>
    <message>
        <source>Minutes changed by someone else</source>
        <translation>Notulen gewijzigd door iemand anders</translation>
    </message>
    <message>
        <source>“%1” was saved by someone else while you were typing. Your text was not saved yet: choose what stays.</source>
        <translation>“%1” werd door iemand anders bewaard terwijl u typte. Uw tekst is nog niet bewaard: kies wat blijft.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>iemand anders</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Uw tekst</translation>
    </message>
    <message>
        <source>Their text (%1, %2)</source>
        <translation>Hun tekst (%1, %2)</translation>
    </message>
    <message>
        <source>Merged (edit before saving)</source>
        <translation>Samengevoegd (pas aan voor het bewaren)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>&amp;Mijn tekst houden</translation>
    </message>
    <message>
        <source>&amp;Take their text</source>
        <translation>&amp;Hun tekst nemen</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <source>&amp;Save merged text</source>
        <translation>Samengevoegde tekst &amp;bewaren</translation>
    </message>
</context>
<context>
    <name>MinutesController</name>
    <message>
        <source>Reading the minutes</source>
        <translation>Notulen lezen</translation>
    </message>
    <message>
        <source>Saving the minutes</source>
        <translation>Notulen bewaren</translation>
    </message>
    <message>
        <source>Saving the attendance</source>
        <translation>Aanwezigheid bewaren</translation>
    </message>
    <message>
        <source>Removing a guest</source>
        <translation>Gast verwijderen</translation>
    </message>
</context>
<context>
    <name>MinutesWindow</name>
    <message>
        <source>Minutes</source>
        <translation>Notulen</translation>
    </message>
    <message>
        <source>Notes: what was said</source>
        <translation>Notities: wat er gezegd werd</translation>
    </message>
    <message>
        <source>Decision (besluit)</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Action points of this item appear here.</source>
        <translation>De actiepunten van dit punt verschijnen hier.</translation>
    </message>
    <message>
        <source>Open points that come back here appear here.</source>
        <translation>Open punten die hier terugkomen verschijnen hier.</translation>
    </message>
    <message>
        <source>Action points</source>
        <translation>Actiepunten</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>The minutes report was approved: these minutes are locked and can only be read.</source>
        <translation>Het verslag is goedgekeurd: deze notulen zijn vergrendeld en kunnen alleen gelezen worden.</translation>
    </message>
    <message>
        <source>Reading the minutes…</source>
        <translation>Notulen lezen…</translation>
    </message>
    <message>
        <source>Next agenda item</source>
        <translation>Volgend agendapunt</translation>
    </message>
    <message>
        <source>Previous agenda item</source>
        <translation>Vorig agendapunt</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Volgend deelvenster</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Attendance: present</source>
        <translation>Aanwezigheid: aanwezig</translation>
    </message>
    <message>
        <source>Attendance: excused</source>
        <translation>Aanwezigheid: verontschuldigd</translation>
    </message>
    <message>
        <source>Attendance: absent</source>
        <translation>Aanwezigheid: afwezig</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spatie</translation>
    </message>
    <message>
        <source>Attendance: next status</source>
        <translation>Aanwezigheid: volgende status</translation>
    </message>
    <message>
        <source>Attendance: add a guest</source>
        <translation>Aanwezigheid: gast toevoegen</translation>
    </message>
    <message>
        <source>Attendance: remove a guest</source>
        <translation>Aanwezigheid: gast verwijderen</translation>
    </message>
    <message>
        <source>From the notes to the decision</source>
        <translation>Van de notities naar het besluit</translation>
    </message>
    <message>
        <source>Minutes {title} {day}</source>
        <translation>Notulen {title} {day}</translation>
    </message>
    <message>
        <source>Follow-up ({count})</source>
        <translation>Opvolging ({count})</translation>
    </message>
    <message>
        <source>This meeting has no agenda items yet.</source>
        <translation>Deze vergadering heeft nog geen agendapunten.</translation>
    </message>
    <message>
        <source>Nothing to minute yet.</source>
        <translation>Nog niets te notuleren.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Vergrendeld.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bewaren…</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Bewaard om {time}</translation>
    </message>
    <message>
        <source>Not saved: your text stays on screen and is saved with the next change.</source>
        <translation>Niet bewaard: uw tekst blijft op het scherm en wordt bij de volgende wijziging bewaard.</translation>
    </message>
    <message>
        <source>Saving the minutes</source>
        <translation>Notulen bewaren</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this item.</source>
        <translation>Niet bewaard: iemand anders heeft dit punt gewijzigd.</translation>
    </message>
    <message>
        <source>Add a guest</source>
        <translation>Gast toevoegen</translation>
    </message>
    <message>
        <source>Name of the guest:</source>
        <translation>Naam van de gast:</translation>
    </message>
    <message>
        <source>{name} is a member: mark them excused or absent instead.</source>
        <translation>{name} is lid: markeer als verontschuldigd of afwezig.</translation>
    </message>
    <message>
        <source>Remove a guest</source>
        <translation>Gast verwijderen</translation>
    </message>
    <message>
        <source>Remove {name} from the attendance?</source>
        <translation>{name} uit de aanwezigheden verwijderen?</translation>
    </message>
</context>
<context>
    <name>MissingModel</name>
    <message>
        <source>Document</source>
        <translation>Stuk</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tegen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
</context>
<context>
    <name>MoveMeetingDialog</name>
    <message>
        <source>Move meeting</source>
        <translation>Vergadering verplaatsen</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Dag:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Begin:</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verplaatsen</translation>
    </message>
</context>
<context>
    <name>OfferedModel</name>
    <message>
        <source>Action point</source>
        <translation>Actiepunt</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tegen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Traject</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outgoing</source>
        <translation>Uitgaand</translation>
    </message>
    <message>
        <source>Everything has reached Exchange.</source>
        <translation>Alles is in Exchange aangekomen.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Try again now; for a conflict: keep my change (Ctrl+R)</source>
        <translation>Nu opnieuw proberen; bij een conflict: mijn wijziging behouden (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerpen</translation>
    </message>
    <message>
        <source>Drop my change; Outlook&apos;s version stays (Del)</source>
        <translation>Mijn wijziging laten vallen; de versie uit Outlook blijft (Del)</translation>
    </message>
    <message>
        <source>Retrying a change</source>
        <translation>Wijziging opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Wijziging verwerpen</translation>
    </message>
    <message>
        <source>Discard this change? The mail keeps what Exchange has now.</source>
        <translation>Deze wijziging verwerpen? De mail houdt wat nu in Exchange staat.</translation>
    </message>
    <message>
        <source>Discarding a change</source>
        <translation>Wijziging verwerpen</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Made</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Next try {when}</source>
        <translation>Volgende poging {when}</translation>
    </message>
</context>
<context>
    <name>OutcomeListModel</name>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
</context>
<context>
    <name>OutcomesDialog</name>
    <message>
        <source>Outcomes</source>
        <translation>Uitkomsten</translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation>Kl&amp;eur…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Toets:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>An outcome is an Outlook category: the director sees it in Outlook. Its key handles a mail in the list.</source>
        <translation>Een uitkomst is een Outlook-categorie: de directeur ziet ze in Outlook. Met haar toets handelt u een mail in de lijst af.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Toe&amp;voegen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ve&amp;rwijderen…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Loading the outcomes</source>
        <translation>Uitkomsten laden</translation>
    </message>
    <message>
        <source>— (no key)</source>
        <translation>— (geen toets)</translation>
    </message>
    <message>
        <source>Remove the outcome “%1”?</source>
        <translation>De uitkomst “%1” verwijderen?</translation>
    </message>
    <message>
        <source>Mails that have it keep it as a category in Outlook; here it no longer has a key or a view of its own.</source>
        <translation>Mails die ze hebben, houden ze als categorie in Outlook; hier heeft ze geen toets of eigen weergave meer.</translation>
    </message>
    <message>
        <source>Saving the outcomes</source>
        <translation>Uitkomsten opslaan</translation>
    </message>
    <message>
        <source>Save the changes to the outcomes?</source>
        <translation>De wijzigingen aan de uitkomsten opslaan?</translation>
    </message>
</context>
<context>
    <name>OwnerEdit</name>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
</context>
<context>
    <name>PeopleArea</name>
    <message>
        <source>Search name, function, organisation, e-mail (Ctrl+F)</source>
        <translation>Zoek op naam, functie, organisatie, e-mail (Ctrl+F)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Te bevestigen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle tags</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>New person (Ctrl+N)</source>
        <translation>Nieuwe persoon (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importeer CSV…</translation>
    </message>
    <message>
        <source>Update from mail and calendar</source>
        <translation>Bijwerken uit mail en agenda</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>Dubbels…</translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation>Privacy…</translation>
    </message>
    <message>
        <source>No people match. People come in from mail and the calendar, by hand (Ctrl+N) or from a CSV file.</source>
        <translation>Geen personen gevonden. Personen komen binnen uit mail en agenda, manueel (Ctrl+N) of uit een CSV-bestand.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Loading people</source>
        <translation>Personen laden</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-bewaarde wijzigingen</translation>
    </message>
    <message>
        <source>{name} has unsaved changes. Save them first?</source>
        <translation>{name} heeft niet-bewaarde wijzigingen. Eerst bewaren?</translation>
    </message>
    <message>
        <source>Loading the person</source>
        <translation>Persoon laden</translation>
    </message>
    <message>
        <source>Loading the timeline</source>
        <translation>Tijdlijn laden</translation>
    </message>
    <message>
        <source>Saving the person</source>
        <translation>Persoon bewaren</translation>
    </message>
    <message>
        <source>Adding a person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Personen importeren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Importing people</source>
        <translation>Personen importeren</translation>
    </message>
    <message>
        <source>Import: {summary}</source>
        <translation>Import: {summary}</translation>
    </message>
    <message>
        <source>Updating people from mail and calendar</source>
        <translation>Personen bijwerken uit mail en agenda</translation>
    </message>
    <message>
        <source>Updated from mail and calendar: {summary}</source>
        <translation>Bijgewerkt uit mail en agenda: {summary}</translation>
    </message>
</context>
<context>
    <name>PeopleHarvestHook</name>
    <message>
        <source>Updating people from mail and calendar</source>
        <translation>Personen bijwerken uit mail en agenda</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandaat</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <source>Open matters</source>
        <translation>Openstaande punten</translation>
    </message>
    <message>
        <source>Opener</source>
        <translation>Openingszin</translation>
    </message>
    <message>
        <source> (to confirm)</source>
        <translation> (te bevestigen)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>{name} (to confirm)</source>
        <translation>{name} (te bevestigen)</translation>
    </message>
</context>
<context>
    <name>PeopleShortcuts</name>
    <message>
        <source>Search people</source>
        <translation>Personen zoeken</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Edit the chosen person</source>
        <translation>De gekozen persoon bewerken</translation>
    </message>
    <message>
        <source>Save the person</source>
        <translation>De persoon bewaren</translation>
    </message>
</context>
<context>
    <name>PersonDetailsPane</name>
    <message>
        <source>Reload</source>
        <translation>Opnieuw laden</translation>
    </message>
    <message>
        <source>Show what is stored now; what you typed here is dropped</source>
        <translation>Toon wat nu bewaard is; wat u hier typte, vervalt</translation>
    </message>
    <message>
        <source>Internal (city or OCMW)</source>
        <translation>Intern (stad of OCMW)</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Te bevestigen</translation>
    </message>
    <message>
        <source>Comma separated</source>
        <translation>Gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingesteld</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Bewaren (Ctrl+S)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandaat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Kept because</source>
        <translation>Bewaard omdat</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Bron: {source}</translation>
    </message>
</context>
<context>
    <name>PersonLinkDialog</name>
    <message>
        <source>Link to a person</source>
        <translation>Koppel aan persoon</translation>
    </message>
    <message>
        <source>Type part of a name or mail address; Enter links the mail to the selected person.</source>
        <translation>Typ een deel van een naam of mailadres; Enter koppelt de mail aan de geselecteerde persoon.</translation>
    </message>
    <message>
        <source>Filter people…</source>
        <translation>Personen filteren…</translation>
    </message>
    <message>
        <source>No person matches.</source>
        <translation>Geen persoon gevonden.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppelen</translation>
    </message>
</context>
<context>
    <name>PointHistoryPane</name>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statusgeschiedenis</translation>
    </message>
    <message>
        <source>Choose an action point to see where it came from and where it goes.</source>
        <translation>Kies een actiepunt om te zien waar het vandaan komt en waar het naartoe gaat.</translation>
    </message>
</context>
<context>
    <name>PointOwnerDueDialog</name>
    <message>
        <source>Owner and deadline</source>
        <translation>Eigenaar en deadline</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>e.g. vr, 15/3, morgen, +2w; empty for none</source>
        <translation>bv. vr, 15/3, morgen, +2w; leeg voor geen</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eigenaar:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Geen deadline</translation>
    </message>
    <message>
        <source>Not a date. Try vr, 15/3, morgen or +2w.</source>
        <translation>Geen datum. Probeer vr, 15/3, morgen of +2w.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>new, %1</source>
        <translation>nieuw, %1</translation>
    </message>
    <message>
        <source>already planned</source>
        <translation>al gepland</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>overgeslagen: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Wat er gebeurt</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy: retention, export and erasure</source>
        <translation>Privacy: bewaren, exporteren en wissen</translation>
    </message>
    <message>
        <source>Nobody is kept past their retention date.</source>
        <translation>Niemand wordt langer bewaard dan de bewaardatum.</translation>
    </message>
    <message>
        <source>E&amp;xtend</source>
        <translation>&amp;Verlengen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>&amp;Wissen…</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <source>Reading retention dates</source>
        <translation>Bewaardatums lezen</translation>
    </message>
    <message>
        <source>Extending retention</source>
        <translation>Bewaartermijn verlengen</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Persoonsgegevens exporteren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-bestanden (*.json)</translation>
    </message>
    <message>
        <source>Exporting personal data</source>
        <translation>Persoonsgegevens exporteren</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Persoon wissen</translation>
    </message>
    <message>
        <source>Erase {person} everywhere?

The record, their blocks in fiches (also in earlier versions), links to mails, overleg membership and attendance go, and action points they owned show &quot;(gewist)&quot;. This cannot be undone.</source>
        <translation>{person} overal wissen?

De fiche van de persoon, de blokken in discussiefiches (ook in eerdere versies), koppelingen met mails, lidmaatschap van overleggen en aanwezigheden verdwijnen; actiepunten van deze persoon tonen &quot;(gewist)&quot;. Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Erasing a person</source>
        <translation>Persoon wissen</translation>
    </message>
</context>
<context>
    <name>PrivacyModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
</context>
<context>
    <name>ProjectDetailsPane</name>
    <message>
        <source>Link action point…</source>
        <translation>Actiepunt koppelen…</translation>
    </message>
    <message>
        <source>Link mail…</source>
        <translation>Mail koppelen…</translation>
    </message>
    <message>
        <source>Ins: new milestone · Space: done · F2: edit · Del: remove</source>
        <translation>Ins: nieuwe mijlpaal · Spatie: klaar · F2: bewerken · Del: verwijderen</translation>
    </message>
    <message>
        <source>Choose a project, or make one with Ctrl+N.</source>
        <translation>Kies een project, of maak er een met Ctrl+N.</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Mijlpalen</translation>
    </message>
    <message>
        <source>Linked action points and mails</source>
        <translation>Gekoppelde actiepunten en mails</translation>
    </message>
    <message>
        <source>no dates yet</source>
        <translation>nog geen data</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>geen eigenaar</translation>
    </message>
    <message numerus="yes">
        <source>%n milestone(s) overdue</source>
        <translation>
            <numerusform>%n mijlpaal over tijd</numerusform>
            <numerusform>%n mijlpalen over tijd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>Project bewerken</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>I run this project myself</source>
        <translation>Ik trek dit project zelf</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Eigenaar</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Begint op</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Eindigt op</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Doel</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otities</translation>
    </message>
    <message>
        <source>Give the project a name.</source>
        <translation>Geef het project een naam.</translation>
    </message>
    <message>
        <source>The project cannot end before it starts.</source>
        <translation>Het project kan niet eindigen voor het begint.</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next milestone</source>
        <translation>Volgende mijlpaal</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over tijd</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Your own project</source>
        <translation>Je eigen project</translation>
    </message>
</context>
<context>
    <name>ProjectsArea</name>
    <message>
        <source>No projects yet. Ctrl+N makes the first one.</source>
        <translation>Nog geen projecten. Ctrl+N maakt het eerste.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>New project (Ctrl+N)</source>
        <translation>Nieuw project (Ctrl+N)</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projecten</translation>
    </message>
    <message>
        <source>Loading projects</source>
        <translation>Projecten laden</translation>
    </message>
    <message>
        <source>Loading the project</source>
        <translation>Project laden</translation>
    </message>
    <message>
        <source>Saving the project</source>
        <translation>Project bewaren</translation>
    </message>
    <message>
        <source>Remove project</source>
        <translation>Project verwijderen</translation>
    </message>
    <message>
        <source>Remove the project “{name}” with its milestones and links? The action points and mails themselves stay.</source>
        <translation>Het project “{name}” met zijn mijlpalen en koppelingen verwijderen? De actiepunten en mails zelf blijven.</translation>
    </message>
    <message>
        <source>Removing the project</source>
        <translation>Project verwijderen</translation>
    </message>
    <message>
        <source>Saving the milestone</source>
        <translation>Mijlpaal bewaren</translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation>Mijlpaal verwijderen</translation>
    </message>
    <message>
        <source>Remove the milestone “{title}”?</source>
        <translation>De mijlpaal “{title}” verwijderen?</translation>
    </message>
    <message>
        <source>Removing the milestone</source>
        <translation>Mijlpaal verwijderen</translation>
    </message>
    <message>
        <source>Loading the choices</source>
        <translation>Keuzes laden</translation>
    </message>
    <message>
        <source>Linking to the project</source>
        <translation>Aan het project koppelen</translation>
    </message>
    <message>
        <source>Unlinking from the project</source>
        <translation>Van het project loskoppelen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>Edit the project or milestone</source>
        <translation>Project of mijlpaal bewerken</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>Nieuwe mijlpaal</translation>
    </message>
    <message>
        <source>Milestone done or open again</source>
        <translation>Mijlpaal klaar of weer open</translation>
    </message>
    <message>
        <source>Remove the project, milestone or link</source>
        <translation>Project, mijlpaal of koppeling verwijderen</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>everyone free</source>
        <translation>iedereen vrij</translation>
    </message>
</context>
<context>
    <name>ProtectedBlocksModel</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
</context>
<context>
    <name>PublishBriefDialog</name>
    <message>
        <source>Publish fiche</source>
        <translation>Fiche publiceren</translation>
    </message>
    <message>
        <source>Reading the fiche…</source>
        <translation>De fiche wordt gelezen…</translation>
    </message>
    <message>
        <source>Also mail it to the director</source>
        <translation>Ook mailen aan de directeur</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publiceren</translation>
    </message>
    <message>
        <source>Make Word and PDF and attach the PDF to the appointment (Ctrl+Enter)</source>
        <translation>Word en PDF maken en de PDF aan de afspraak hangen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reading the fiche</source>
        <translation>Fiche lezen</translation>
    </message>
    <message>
        <source>This fiche cannot be published.</source>
        <translation>Deze fiche kan niet gepubliceerd worden.</translation>
    </message>
    <message>
        <source>Publish fiche – {title}</source>
        <translation>Fiche publiceren – {title}</translation>
    </message>
    <message>
        <source>The PDF &quot;{name}&quot; is attached to the director&apos;s appointment &quot;{subject}&quot; of {when}.</source>
        <translation>De PDF &quot;{name}&quot; wordt gehangen aan de afspraak van de directeur &quot;{subject}&quot; van {when}.</translation>
    </message>
    <message>
        <source>It replaces the earlier version on that appointment.</source>
        <translation>Ze vervangt de vorige versie bij die afspraak.</translation>
    </message>
    <message>
        <source>State of the fiche: {state}</source>
        <translation>Stand van de fiche: {state}</translation>
    </message>
    <message>
        <source>The director&apos;s mail address is not set.</source>
        <translation>Het e-mailadres van de directeur is niet ingesteld.</translation>
    </message>
    <message>
        <source>Making Word and PDF…</source>
        <translation>Word en PDF worden gemaakt…</translation>
    </message>
    <message>
        <source>Publishing the fiche</source>
        <translation>Fiche publiceren</translation>
    </message>
    <message>
        <source>Something went wrong; see the message.</source>
        <translation>Er ging iets mis; zie de melding.</translation>
    </message>
    <message>
        <source>Version {number} is made.</source>
        <translation>Versie {number} is gemaakt.</translation>
    </message>
    <message>
        <source>The PDF goes onto the appointment with the next synchronisation (see Outbox).</source>
        <translation>De PDF gaat bij de volgende synchronisatie naar de afspraak (zie Uitgaand).</translation>
    </message>
    <message>
        <source>A mail with the PDF goes to {address}.</source>
        <translation>Een mail met de PDF gaat naar {address}.</translation>
    </message>
</context>
<context>
    <name>QuickChoiceDialog</name>
    <message>
        <source>Press a number, or Esc to cancel.</source>
        <translation>Druk op een cijfer, of Esc om te annuleren.</translation>
    </message>
</context>
<context>
    <name>QuickSearchDialog</name>
    <message>
        <source>Quick search</source>
        <translation>Snel zoeken</translation>
    </message>
    <message>
        <source>Search mail, people, meetings, agenda items, requested documents, action points, briefs…</source>
        <translation>Zoek in mail, personen, overleg, agendapunten, stukken, actiepunten, fiches…</translation>
    </message>
    <message>
        <source>Type at least two letters.</source>
        <translation>Typ minstens twee letters.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Niets gevonden voor ‘{query}’.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens the selected one.</source>
        <translation>
            <numerusform>%n resultaat. Enter opent het geselecteerde.</numerusform>
            <numerusform>%n resultaten. Enter opent het geselecteerde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Images blocked</source>
        <translation>Afbeeldingen geblokkeerd</translation>
    </message>
    <message>
        <source>Show for this sender</source>
        <translation>Tonen voor deze afzender</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>From: {sent_by} on behalf of {sender}</source>
        <translation>Van: {sent_by} namens {sender}</translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation>Van: {sender}</translation>
    </message>
    <message>
        <source>To: {names}</source>
        <translation>Aan: {names}</translation>
    </message>
    <message>
        <source>Cc: {names}</source>
        <translation>Cc: {names}</translation>
    </message>
    <message>
        <source>Imported from {file}</source>
        <translation>Geïmporteerd uit {file}</translation>
    </message>
    <message>
        <source>Follow up by {date}</source>
        <translation>Opvolgen tegen {date}</translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation>Gemarkeerd voor opvolging</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>Opvolging afgerond</translation>
    </message>
    <message>
        <source>Action point</source>
        <translation>Actiepunt</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agendapunt</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Became: {links}</source>
        <translation>Werd: {links}</translation>
    </message>
    <message>
        <source>For {domain}</source>
        <translation>Voor {domain}</translation>
    </message>
</context>
<context>
    <name>ReportingArea</name>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Choose a cycle to see its milestones.</source>
        <translation>Kies een cyclus om zijn mijlpalen te zien.</translation>
    </message>
    <message>
        <source>No team has a part this year. Set the teams in the settings (reporting teams), then create the year.</source>
        <translation>Nog geen team met een bijdrage dit jaar. Stel de teams in bij de instellingen (rapporteringsteams) en maak dan het jaar aan.</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Rapportering</translation>
    </message>
    <message>
        <source>Year </source>
        <translation>Jaar </translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycli</translation>
    </message>
    <message>
        <source>Milestones of the chosen cycle</source>
        <translation>Mijlpalen van de gekozen cyclus</translation>
    </message>
    <message>
        <source>Matrix: teams × cycles</source>
        <translation>Matrix: teams × cycli</translation>
    </message>
    <message>
        <source>G requested · O in progress · R received · A approved</source>
        <translation>G gevraagd · O in opmaak · R ontvangen · A goedgekeurd</translation>
    </message>
    <message>
        <source>Create year…</source>
        <translation>Jaar aanmaken…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>gevraagd</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in opmaak</translation>
    </message>
    <message>
        <source>received</source>
        <translation>ontvangen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>goedgekeurd</translation>
    </message>
    <message>
        <source>Draft from the teams by</source>
        <translation>Ontwerp van de teams tegen</translation>
    </message>
    <message>
        <source>On the MAT/DC by</source>
        <translation>Op het MAT/DC tegen</translation>
    </message>
    <message>
        <source>On the college by</source>
        <translation>Op het college tegen</translation>
    </message>
    <message>
        <source>City council</source>
        <translation>Gemeenteraad</translation>
    </message>
    <message>
        <source>Digital report</source>
        <translation>Digitale rapportering</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>ReportingController</name>
    <message>
        <source>Loading reporting</source>
        <translation>Rapportering laden</translation>
    </message>
    <message>
        <source>No reporting cycles for {year} yet. Choose “Create year…” (Ctrl+Shift+J) to make them from the year template.</source>
        <translation>Nog geen rapporteringscycli voor {year}. Kies “Jaar aanmaken…” (Ctrl+Shift+J) om ze uit het jaarsjabloon te maken.</translation>
    </message>
    <message>
        <source>Choose a team&apos;s part in the matrix first.</source>
        <translation>Kies eerst de bijdrage van een team in de matrix.</translation>
    </message>
    <message>
        <source>Saving the part&apos;s status</source>
        <translation>Status van de bijdrage bewaren</translation>
    </message>
    <message>
        <source>“{title}”: {status}.</source>
        <translation>“{title}”: {status}.</translation>
    </message>
    <message>
        <source>All reporting cycles of {year} exist already.</source>
        <translation>Alle rapporteringscycli van {year} bestaan al.</translation>
    </message>
    <message>
        <source>Each with a part for each of the {n} team(s), due on the teams&apos; draft date.</source>
        <translation>Elk met een bijdrage voor elk van de {n} team(s), tegen de ontwerpdatum van de teams.</translation>
    </message>
    <message>
        <source>No reporting teams are set, so no parts are requested.</source>
        <translation>Er zijn geen rapporteringsteams ingesteld, dus er worden geen bijdragen gevraagd.</translation>
    </message>
    <message>
        <source>Create year</source>
        <translation>Jaar aanmaken</translation>
    </message>
    <message>
        <source>Create these reporting cycles for {year}, planned back from the council?</source>
        <translation>Deze rapporteringscycli voor {year} aanmaken, teruggerekend vanaf de gemeenteraad?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Creating the reporting year</source>
        <translation>Rapporteringsjaar aanmaken</translation>
    </message>
    <message numerus="yes">
        <source>%n reporting cycle(s) created.</source>
        <translation>
            <numerusform>%n rapporteringscyclus aangemaakt.</numerusform>
            <numerusform>%n rapporteringscycli aangemaakt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportingMailActions</name>
    <message>
        <source>Preparing the mails</source>
        <translation>Mails voorbereiden</translation>
    </message>
    <message>
        <source>Queueing the mails</source>
        <translation>Mails in de outbox zetten</translation>
    </message>
    <message>
        <source>Mails queued: {count}.</source>
        <translation>Mails klaargezet: {count}.</translation>
    </message>
    <message>
        <source>No address for: {names}.</source>
        <translation>Geen adres voor: {names}.</translation>
    </message>
    <message>
        <source>Putting the milestones on the MAT/DC agenda</source>
        <translation>Mijlpalen op de agenda van MAT/DC zetten</translation>
    </message>
    <message>
        <source>Milestones put on an agenda: {count}.</source>
        <translation>Mijlpalen op een agenda gezet: {count}.</translation>
    </message>
</context>
<context>
    <name>ReportingShortcuts</name>
    <message>
        <source>Mark the chosen part as requested</source>
        <translation>De gekozen bijdrage op gevraagd zetten</translation>
    </message>
    <message>
        <source>Mark the chosen part as in progress</source>
        <translation>De gekozen bijdrage op in opmaak zetten</translation>
    </message>
    <message>
        <source>Mark the chosen part as received</source>
        <translation>De gekozen bijdrage op ontvangen zetten</translation>
    </message>
    <message>
        <source>Mark the chosen part as approved</source>
        <translation>De gekozen bijdrage op goedgekeurd zetten</translation>
    </message>
    <message>
        <source>Reload the year</source>
        <translation>Het jaar vernieuwen</translation>
    </message>
    <message>
        <source>Request the parts by mail, one per owner</source>
        <translation>De bijdragen per mail opvragen, één mail per eigenaar</translation>
    </message>
    <message>
        <source>Remind the owners of open parts</source>
        <translation>De eigenaars van open bijdragen herinneren</translation>
    </message>
    <message>
        <source>Put the MAT/DC milestones on the agenda</source>
        <translation>De MAT/DC-mijlpalen op de agenda zetten</translation>
    </message>
    <message>
        <source>Export the matrix to Excel</source>
        <translation>De matrix exporteren naar Excel</translation>
    </message>
    <message>
        <source>Export the matrix to PDF</source>
        <translation>De matrix exporteren naar PDF</translation>
    </message>
    <message>
        <source>Create the year&apos;s cycles</source>
        <translation>De cycli van het jaar aanmaken</translation>
    </message>
</context>
<context>
    <name>ReportingToolbar</name>
    <message>
        <source>Request parts…</source>
        <translation>Bijdragen opvragen…</translation>
    </message>
    <message>
        <source>Remind owners…</source>
        <translation>Eigenaars herinneren…</translation>
    </message>
    <message>
        <source>Put milestones on the MAT/DC</source>
        <translation>Mijlpalen op het MAT/DC zetten</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Exporteren naar PDF…</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>De matrix exporteren</translation>
    </message>
    <message>
        <source>Exporting the matrix</source>
        <translation>De matrix wordt geëxporteerd</translation>
    </message>
    <message>
        <source>The matrix is saved as {name}.</source>
        <translation>De matrix is bewaard als {name}.</translation>
    </message>
</context>
<context>
    <name>RoutePointDialog</name>
    <message>
        <source>Put on the agenda of</source>
        <translation>Agenderen op</translation>
    </message>
    <message>
        <source>Where should “{title}” come back?</source>
        <translation>Waar moet „{title}” terugkomen?</translation>
    </message>
    <message>
        <source>Type to filter, e.g. DC</source>
        <translation>Typ om te filteren, bv. DC</translation>
    </message>
    <message>
        <source>No series or coming meeting matches.</source>
        <translation>Geen reeks of komende vergadering past.</translation>
    </message>
</context>
<context>
    <name>SafeBrowser</name>
    <message>
        <source>Loading an image</source>
        <translation>Afbeelding laden</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Koppeling openen</translation>
    </message>
    <message>
        <source>This link does not lead to a web page or an e-mail address:
{url}

Open it anyway?</source>
        <translation>Deze koppeling leidt niet naar een webpagina of een e-mailadres:
{url}

Toch openen?</translation>
    </message>
</context>
<context>
    <name>SendAgendaDialog</name>
    <message>
        <source>Send agenda</source>
        <translation>Agenda versturen</translation>
    </message>
    <message>
        <source>Reading the agenda…</source>
        <translation>De agenda wordt gelezen…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Send the agenda to everyone listed (Ctrl+Enter)</source>
        <translation>De agenda naar iedereen in de lijst sturen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save Word…</source>
        <translation>Word bewaren…</translation>
    </message>
    <message>
        <source>Save the agenda as Word (Ctrl+S)</source>
        <translation>De agenda als Word bewaren (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF bewaren…</translation>
    </message>
    <message>
        <source>Save the agenda as PDF (Ctrl+Shift+S)</source>
        <translation>De agenda als PDF bewaren (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Make bundle…</source>
        <translation>Bundel maken…</translation>
    </message>
    <message>
        <source>One PDF with the agenda and every received document, for a tablet (Ctrl+B)</source>
        <translation>Eén PDF met de agenda en alle ontvangen stukken, voor op een tablet (Ctrl+B)</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Aan:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Bijlagen:</translation>
    </message>
    <message>
        <source>Reading the agenda</source>
        <translation>De agenda lezen</translation>
    </message>
    <message>
        <source>The agenda could not be made.</source>
        <translation>De agenda kon niet worden gemaakt.</translation>
    </message>
    <message>
        <source>Send agenda – {name}</source>
        <translation>Agenda versturen – {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s).</source>
        <translation>
            <numerusform>%n ontvanger.</numerusform>
            <numerusform>%n ontvangers.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail address for: {names}.</source>
        <translation>Geen mailadres voor: {names}.</translation>
    </message>
    <message>
        <source>Confidential items are marked on the agenda.</source>
        <translation>Vertrouwelijke punten staan gemarkeerd op de agenda.</translation>
    </message>
    <message>
        <source>Sending the agenda</source>
        <translation>De agenda versturen</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-documenten (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Save the agenda</source>
        <translation>De agenda bewaren</translation>
    </message>
    <message>
        <source>Saving the agenda</source>
        <translation>De agenda bewaren</translation>
    </message>
    <message>
        <source>Save the agenda bundle</source>
        <translation>De agendabundel bewaren</translation>
    </message>
    <message numerus="yes">
        <source>Bundle saved with %n bookmark(s).</source>
        <translation>
            <numerusform>Bundel bewaard met %n bladwijzer.</numerusform>
            <numerusform>Bundel bewaard met %n bladwijzers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: {items}</source>
        <translation>Weggelaten: {items}</translation>
    </message>
</context>
<context>
    <name>SendLogDialog</name>
    <message>
        <source>Verslag send log</source>
        <translation>Verzendlog verslag</translation>
    </message>
    <message>
        <source>This verslag has not been sent yet.</source>
        <translation>Dit verslag is nog niet verstuurd.</translation>
    </message>
    <message>
        <source>Reading the send log</source>
        <translation>Verzendlog lezen</translation>
    </message>
</context>
<context>
    <name>SendLogModel</name>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Exemplaar</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In de outbox gezet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>v{number}</source>
        <translation>v{number}</translation>
    </message>
    <message>
        <source>full</source>
        <translation>volledig</translation>
    </message>
    <message>
        <source>without confidential items</source>
        <translation>zonder vertrouwelijke punten</translation>
    </message>
</context>
<context>
    <name>SendVerslagDialog</name>
    <message>
        <source>Send verslag</source>
        <translation>Verslag versturen</translation>
    </message>
    <message>
        <source>Reading the recipients…</source>
        <translation>Ontvangers lezen…</translation>
    </message>
    <message>
        <source>Full copy (members):</source>
        <translation>Volledig verslag (leden):</translation>
    </message>
    <message>
        <source>Copy without confidential items (distribution list, Bcc):</source>
        <translation>Verslag zonder vertrouwelijke punten (verdeellijst, Bcc):</translation>
    </message>
    <message>
        <source>Left out of that copy:</source>
        <translation>Weggelaten uit dat verslag:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Queue both mails in the outbox (Ctrl+Enter)</source>
        <translation>Beide mails in de outbox zetten (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reading the recipients</source>
        <translation>Ontvangers lezen</translation>
    </message>
    <message>
        <source>The recipients could not be read.</source>
        <translation>De ontvangers konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>{title}, version {number}</source>
        <translation>{title}, versie {number}</translation>
    </message>
    <message>
        <source>Send verslag – {title}</source>
        <translation>Verslag versturen – {title}</translation>
    </message>
    <message>
        <source>(nothing: no confidential items)</source>
        <translation>(niets: geen vertrouwelijke punten)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) get the full copy.</source>
        <translation>
            <numerusform>%n lid krijgt het volledige verslag.</numerusform>
            <numerusform>%n leden krijgen het volledige verslag.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) on the distribution list get the copy without confidential items.</source>
        <translation>
            <numerusform>%n adres op de verdeellijst krijgt het verslag zonder vertrouwelijke punten.</numerusform>
            <numerusform>%n adressen op de verdeellijst krijgen het verslag zonder vertrouwelijke punten.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail address for: {names}. They get nothing.</source>
        <translation>Geen mailadres voor: {names}. Zij krijgen niets.</translation>
    </message>
    <message numerus="yes">
        <source>This version was sent %n time(s) already.</source>
        <translation>
            <numerusform>Deze versie werd al %n keer verstuurd.</numerusform>
            <numerusform>Deze versie werd al %n keer verstuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>This version of the verslag was sent before. Send it again to everyone listed?</source>
        <translation>Deze versie van het verslag werd al verstuurd. Opnieuw versturen naar iedereen in de lijst?</translation>
    </message>
    <message>
        <source>Sending the verslag</source>
        <translation>Verslag versturen</translation>
    </message>
</context>
<context>
    <name>SeriesChoiceDialog</name>
    <message>
        <source>Recurring appointment</source>
        <translation>Terugkerende afspraak</translation>
    </message>
    <message>
        <source>“{subject}” is part of a series. {action}: only this occurrence or the whole series?</source>
        <translation>“{subject}” hoort bij een reeks. {action}: alleen deze keer of de hele reeks?</translation>
    </message>
    <message>
        <source>Only this occurrence</source>
        <translation>Alleen deze keer</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>De hele reeks</translation>
    </message>
</context>
<context>
    <name>SeriesEditorDialog</name>
    <message>
        <source>Meeting series</source>
        <translation>Overlegreeksen</translation>
    </message>
    <message>
        <source>&amp;New series</source>
        <translation>&amp;Nieuwe reeks</translation>
    </message>
    <message>
        <source>De&amp;lete series…</source>
        <translation>Reeks ver&amp;wijderen…</translation>
    </message>
    <message>
        <source>T&amp;hemes…</source>
        <translation>T&amp;hema&apos;s…</translation>
    </message>
    <message>
        <source>(no fixed day)</source>
        <translation>(geen vaste dag)</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>zondag</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Type a name and press Enter to add</source>
        <translation>Typ een naam en druk op Enter om toe te voegen</translation>
    </message>
    <message>
        <source>One period per line: 2026-07-20/2026-08-14</source>
        <translation>Eén periode per regel: 2026-07-20/2026-08-14</translation>
    </message>
    <message>
        <source> working days before</source>
        <translation> werkdagen vooraf</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;Weekday, time, length</source>
        <translation>&amp;Weekdag, uur, duur</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Leden</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>&amp;Voorzitter</translation>
    </message>
    <message>
        <source>Minute-&amp;taker</source>
        <translation>No&amp;tulist</translation>
    </message>
    <message>
        <source>&amp;Distribution list</source>
        <translation>Ver&amp;deellijst</translation>
    </message>
    <message>
        <source>Agenda &amp;sections</source>
        <translation>Agenda&amp;rubrieken</translation>
    </message>
    <message>
        <source>Ins adds, F2 renames, Del removes, Ctrl+Up/Down moves a section.</source>
        <translation>Ins voegt toe, F2 hernoemt, Del verwijdert, Ctrl+Pijl omhoog/omlaag verplaatst een rubriek.</translation>
    </message>
    <message>
        <source>Cl&amp;osures</source>
        <translation>&amp;Sluitingsperiodes</translation>
    </message>
    <message>
        <source>Agenda c&amp;loses</source>
        <translation>Agenda &amp;sluit</translation>
    </message>
    <message>
        <source>St&amp;ukken due</source>
        <translation>St&amp;ukken tegen</translation>
    </message>
    <message>
        <source>Loading the meeting series</source>
        <translation>Overlegreeksen laden</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>No single person matches “{typed}”.</source>
        <translation>Geen of meer dan één persoon past bij “{typed}”.</translation>
    </message>
    <message>
        <source>{name} is already a member.</source>
        <translation>{name} is al lid.</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Nieuwe rubriek</translation>
    </message>
    <message>
        <source>Save or cancel the changes to this series first.</source>
        <translation>Bewaar of annuleer eerst de wijzigingen aan deze reeks.</translation>
    </message>
    <message>
        <source>Delete the series {code}? Its {count} meeting(s) stay, without a series; its members and themes go.</source>
        <translation>De reeks {code} verwijderen? Haar {count} vergadering(en) blijven bestaan, zonder reeks; de leden en thema&apos;s verdwijnen.</translation>
    </message>
    <message>
        <source>Delete the series {code} with its members and themes?</source>
        <translation>De reeks {code} met haar leden en thema&apos;s verwijderen?</translation>
    </message>
    <message>
        <source>Deleting the meeting series</source>
        <translation>Overlegreeks verwijderen</translation>
    </message>
    <message>
        <source>Saving the meeting series</source>
        <translation>Overlegreeks bewaren</translation>
    </message>
    <message>
        <source>Save the changes to this meeting series?</source>
        <translation>De wijzigingen aan deze overlegreeks bewaren?</translation>
    </message>
</context>
<context>
    <name>ShortcutOverlay</name>
    <message>
        <source>Keys in the mail list</source>
        <translation>Toetsen in de maillijst</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>This afternoon (13:30)</source>
        <translation>Vanmiddag (13:30)</translation>
    </message>
    <message>
        <source>Tomorrow (8:00)</source>
        <translation>Morgen (8:00)</translation>
    </message>
    <message>
        <source>Monday (8:00)</source>
        <translation>Maandag (8:00)</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Volgende week</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Kies datum…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>StukLink</name>
    <message>
        <source>Looking for requested documents</source>
        <translation>Gevraagde stukken zoeken</translation>
    </message>
    <message>
        <source>This mail may bring the document &quot;{title}&quot; for {meeting}.</source>
        <translation>Deze mail brengt mogelijk het stuk &quot;{title}&quot; voor {meeting}.</translation>
    </message>
    <message numerus="yes">
        <source>This mail may bring %n requested document(s) for {meeting}.</source>
        <translation>
            <numerusform>Deze mail brengt mogelijk %n gevraagd stuk voor {meeting}.</numerusform>
            <numerusform>Deze mail brengt mogelijk %n gevraagde stukken voor {meeting}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked as document: {path}</source>
        <translation>Gekoppeld als stuk: {path}</translation>
    </message>
    <message>
        <source>Which requested document does this mail bring?</source>
        <translation>Welk gevraagd stuk brengt deze mail?</translation>
    </message>
    <message>
        <source>Which attachment is the document?</source>
        <translation>Welke bijlage is het stuk?</translation>
    </message>
    <message>
        <source>Fetching {name}…</source>
        <translation>{name} ophalen…</translation>
    </message>
    <message>
        <source>The attachment is not on this computer yet and there is no connection to Exchange.</source>
        <translation>De bijlage staat nog niet op deze computer en er is geen verbinding met Exchange.</translation>
    </message>
    <message>
        <source>Unlinking the document</source>
        <translation>Stuk ontkoppelen</translation>
    </message>
    <message>
        <source>Linking the document</source>
        <translation>Stuk koppelen</translation>
    </message>
    <message>
        <source>Link as document</source>
        <translation>Koppel als stuk</translation>
    </message>
</context>
<context>
    <name>StukLinkBar</name>
    <message>
        <source>Link as document</source>
        <translation>Koppel als stuk</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Ontkoppel</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel the running task</source>
        <translation>De lopende taak annuleren</translation>
    </message>
</context>
<context>
    <name>TemplateModel</name>
    <message>
        <source>Item</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>Working days from the appointment</source>
        <translation>Werkdagen t.o.v. de afspraak</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Standard texts</source>
        <translation>Standaardteksten</translation>
    </message>
    <message>
        <source>Placeholders: {naam} {voornaam} {datum} {vergadering} {onderwerp}</source>
        <translation>Invulvelden: {naam} {voornaam} {datum} {vergadering} {onderwerp}</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>Loading the standard texts</source>
        <translation>Standaardteksten laden</translation>
    </message>
    <message>
        <source>the new text</source>
        <translation>de nieuwe tekst</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Wijzigingen in “%1” bewaren?</translation>
    </message>
    <message>
        <source>Saving the standard text</source>
        <translation>Standaardtekst opslaan</translation>
    </message>
    <message>
        <source>Delete the standard text “%1”?</source>
        <translation>Standaardtekst “%1” verwijderen?</translation>
    </message>
    <message>
        <source>Deleting the standard text</source>
        <translation>Standaardtekst verwijderen</translation>
    </message>
</context>
<context>
    <name>ThemeModel</name>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Directorate</source>
        <translation>Directie</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Every … weeks</source>
        <translation>Om de … weken</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>BBC</source>
        <translation>BBC</translation>
    </message>
</context>
<context>
    <name>ThemesEditorDialog</name>
    <message>
        <source>Themes of {series}</source>
        <translation>Thema&apos;s van {series}</translation>
    </message>
    <message>
        <source>Ins adds, F2 edits, Del removes, Ctrl+Up/Down moves a theme. Type: goedkeuring, beslissing, advies, bespreking or informatie. A recurring theme has a cadence in weeks; a BBC milestone a deadline (dd/mm/yyyy).</source>
        <translation>Ins voegt toe, F2 bewerkt, Del verwijdert, Ctrl+Pijl omhoog/omlaag verplaatst een thema. Type: goedkeuring, beslissing, advies, bespreking of informatie. Een terugkerend thema heeft een ritme in weken; een BBC-mijlpaal een deadline (dd/mm/jjjj).</translation>
    </message>
    <message>
        <source>Loading the themes</source>
        <translation>Thema&apos;s laden</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Nieuw thema</translation>
    </message>
    <message>
        <source>Saving the themes</source>
        <translation>Thema&apos;s bewaren</translation>
    </message>
    <message>
        <source>Save the changed themes?</source>
        <translation>De gewijzigde thema&apos;s bewaren?</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>Timeline with %n milestone(s)</source>
        <translation>
            <numerusform>Tijdlijn met %n mijlpaal</numerusform>
            <numerusform>Tijdlijn met %n mijlpalen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Loading the overview…</source>
        <translation>Overzicht wordt geladen…</translation>
    </message>
    <message>
        <source>Unread mail</source>
        <translation>Ongelezen mail</translation>
    </message>
    <message>
        <source>Open action points</source>
        <translation>Open actiepunten</translation>
    </message>
    <message>
        <source>Requested documents</source>
        <translation>Opgevraagde stukken</translation>
    </message>
    <message>
        <source>Briefs to approve</source>
        <translation>Fiches ter goedkeuring</translation>
    </message>
    <message>
        <source>Reporting due within 14 days</source>
        <translation>Rapportering binnen 14 dagen</translation>
    </message>
    <message>
        <source>Waiting for Exchange</source>
        <translation>Wacht op Exchange</translation>
    </message>
    <message>
        <source>Overdue action points</source>
        <translation>Achterstallige actiepunten</translation>
    </message>
    <message>
        <source>Next MAT</source>
        <translation>Volgende MAT</translation>
    </message>
    <message>
        <source>Next DC</source>
        <translation>Volgende DC</translation>
    </message>
    <message>
        <source>Back at the next MAT</source>
        <translation>Terug op het volgende MAT</translation>
    </message>
    <message>
        <source>Back at the next DC</source>
        <translation>Terug op het volgende DC</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation>
            <numerusform>%n gemarkeerd</numerusform>
            <numerusform>%n gemarkeerd</numerusform>
        </translation>
    </message>
    <message>
        <source>No meeting planned</source>
        <translation>Geen overleg gepland</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n over tijd</numerusform>
            <numerusform>%n over tijd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past the deadline</source>
        <translation>
            <numerusform>%n na de deadline</numerusform>
            <numerusform>%n na de deadline</numerusform>
        </translation>
    </message>
    <message>
        <source>changes not yet sent to Exchange</source>
        <translation>wijzigingen nog niet naar Exchange verstuurd</translation>
    </message>
    <message numerus="yes">
        <source>%n agenda item(s)</source>
        <translation>
            <numerusform>%n agendapunt</numerusform>
            <numerusform>%n agendapunten</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing comes back</source>
        <translation>niets komt terug</translation>
    </message>
    <message>
        <source>nothing overdue</source>
        <translation>niets achterstallig</translation>
    </message>
    <message>
        <source>no documents requested</source>
        <translation>geen stukken gevraagd</translation>
    </message>
    <message>
        <source>{received}/{expected} in</source>
        <translation>{received}/{expected} binnen</translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n te laat</numerusform>
            <numerusform>%n te laat</numerusform>
        </translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message numerus="yes">
        <source>{day}: %n appointment(s)</source>
        <translation>
            <numerusform>{day}: %n afspraak</numerusform>
            <numerusform>{day}: %n afspraken</numerusform>
        </translation>
    </message>
    <message>
        <source>External appointments</source>
        <translation>Externe afspraken</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>nog %n</numerusform>
            <numerusform>nog %n</numerusform>
        </translation>
    </message>
    <message>
        <source>none in the coming 7 days</source>
        <translation>geen in de komende 7 dagen</translation>
    </message>
    <message numerus="yes">
        <source>%n within 3 days without an approved brief</source>
        <translation>
            <numerusform>%n binnen 3 dagen zonder goedgekeurde fiche</numerusform>
            <numerusform>%n binnen 3 dagen zonder goedgekeurde fiche</numerusform>
        </translation>
    </message>
    <message>
        <source>Director&apos;s comment on {title}: {comments}</source>
        <translation>Opmerking van de directeur bij {title}: {comments}</translation>
    </message>
    <message>
        <source>My projects</source>
        <translation>Mijn projecten</translation>
    </message>
    <message>
        <source>{name} — no milestone planned</source>
        <translation>{name} — geen mijlpaal gepland</translation>
    </message>
    <message numerus="yes">
        <source>%n milestone(s) overdue</source>
        <translation>
            <numerusform>%n mijlpaal over tijd</numerusform>
            <numerusform>%n mijlpalen over tijd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <source>Handling mail</source>
        <translation>Mail behandelen</translation>
    </message>
    <message>
        <source>Marking read or unread</source>
        <translation>Gelezen of ongelezen markeren</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Flagging</source>
        <translation>Markeren voor opvolging</translation>
    </message>
    <message>
        <source>Clearing the flag</source>
        <translation>Opvolgmarkering wissen</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Opbergen</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Niets om ongedaan te maken.</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>Ongedaan gemaakt: {step}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Action point made</source>
        <translation>Actiepunt gemaakt</translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation>Geagendeerd</translation>
    </message>
    <message>
        <source>Linked to the brief</source>
        <translation>Gekoppeld aan de fiche</translation>
    </message>
    <message>
        <source>Reporting part received</source>
        <translation>Bijdrage voor de rapportering ontvangen</translation>
    </message>
    <message>
        <source>Linked to the person</source>
        <translation>Gekoppeld aan de persoon</translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <source>Earlier version: %1</source>
        <translation>Eerdere versie: %1</translation>
    </message>
</context>
<context>
    <name>VersionModel</name>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
</context>
<context>
    <name>VerslagWindow</name>
    <message>
        <source>Verslag</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <source>Reading the versions…</source>
        <translation>Versies lezen…</translation>
    </message>
    <message>
        <source>No verslag yet. Make the first version when the minutes are complete (Ctrl+Enter).</source>
        <translation>Nog geen verslag. Maak de eerste versie wanneer de notulen volledig zijn (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Make new version</source>
        <translation>Nieuwe versie maken</translation>
    </message>
    <message>
        <source>Make the next version from the minutes (Ctrl+Enter)</source>
        <translation>De volgende versie maken uit de notulen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Open Word</source>
        <translation>Word openen</translation>
    </message>
    <message>
        <source>Open the selected version in Word (Ctrl+O)</source>
        <translation>De gekozen versie openen in Word (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>PDF openen</translation>
    </message>
    <message>
        <source>Open the selected version as PDF (Ctrl+Shift+O)</source>
        <translation>De gekozen versie openen als PDF (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Decisions list</source>
        <translation>Besluitenlijst</translation>
    </message>
    <message>
        <source>Open the besluitenlijst of the selected version (Ctrl+B)</source>
        <translation>De besluitenlijst van de gekozen versie openen (Ctrl+B)</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Versturen…</translation>
    </message>
    <message>
        <source>Send the selected version to the members and the distribution list (Ctrl+Shift+E)</source>
        <translation>De gekozen versie versturen naar de leden en de verdeellijst (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Send log</source>
        <translation>Verzendlog</translation>
    </message>
    <message>
        <source>Who received which version, and when</source>
        <translation>Wie welke versie kreeg, en wanneer</translation>
    </message>
    <message>
        <source>Reading the verslag versions</source>
        <translation>De versies van het verslag lezen</translation>
    </message>
    <message>
        <source>Verslag – {title}</source>
        <translation>Verslag – {title}</translation>
    </message>
    <message>
        <source>Making the verslag (Word and PDF)…</source>
        <translation>Het verslag wordt gemaakt (Word en PDF)…</translation>
    </message>
    <message>
        <source>Making the verslag</source>
        <translation>Het verslag maken</translation>
    </message>
    <message>
        <source>Version {number} is ready.</source>
        <translation>Versie {number} is klaar.</translation>
    </message>
    <message>
        <source>The file is no longer there: {path}</source>
        <translation>Het bestand is er niet meer: {path}</translation>
    </message>
    <message>
        <source>No program opens {name} on this computer.</source>
        <translation>Geen programma op deze computer opent {name}.</translation>
    </message>
</context>
<context>
    <name>VisitChecklistDialog</name>
    <message>
        <source>Visit or tour</source>
        <translation>Bezoek of rondleiding</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>Afspraak geannuleerd</translation>
    </message>
    <message>
        <source>No visit or tour</source>
        <translation>Geen bezoek of rondleiding</translation>
    </message>
    <message>
        <source>Visit (bezoek)</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Tour (rondleiding)</source>
        <translation>Rondleiding</translation>
    </message>
    <message>
        <source>Appointment:</source>
        <translation>Afspraak:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Space ticks an item off; F2 or typing edits owner, date or note. Every change is saved at once.</source>
        <translation>Spatie vinkt een punt af; F2 of typen wijzigt wie, datum of notitie. Elke wijziging wordt meteen bewaard.</translation>
    </message>
    <message>
        <source>Loading the checklist</source>
        <translation>Checklist laden</translation>
    </message>
    <message>
        <source>Saving the checklist</source>
        <translation>Checklist bewaren</translation>
    </message>
    <message>
        <source>No longer a visit or tour</source>
        <translation>Geen bezoek of rondleiding meer</translation>
    </message>
    <message>
        <source>Part of this checklist is already filled in. Remove the checklist anyway?</source>
        <translation>Deze checklist is al deels ingevuld. Toch verwijderen?</translation>
    </message>
</context>
<context>
    <name>YearPlanDialog</name>
    <message>
        <source>Year plan %1</source>
        <translation>Jaarplan %1</translation>
    </message>
    <message>
        <source>%1: %2 new meetings of %3 minutes; %4 already planned, %5 skipped.</source>
        <translation>%1: %2 nieuwe vergaderingen van %3 minuten; %4 al gepland, %5 overgeslagen.</translation>
    </message>
    <message>
        <source>&amp;Create %1 meetings</source>
        <translation>&amp;%1 vergaderingen aanmaken</translation>
    </message>
</context>
<context>
    <name>YearPlanModel</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Vergadering</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Week %1 (%2)</source>
        <translation>Week %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (geannuleerd)</translation>
    </message>
</context>
<context>
    <name>YearPlanWindow</name>
    <message>
        <source>Year plan: {series}</source>
        <translation>Jaarplan: {series}</translation>
    </message>
    <message>
        <source>Previous year (Page Up)</source>
        <translation>Vorig jaar (Page Up)</translation>
    </message>
    <message>
        <source>Next year (Page Down)</source>
        <translation>Volgend jaar (Page Down)</translation>
    </message>
    <message>
        <source>Make the meetings…</source>
        <translation>Vergaderingen aanmaken…</translation>
    </message>
    <message>
        <source>Plan this year&apos;s meetings on the series&apos; weekday, skipping holidays and closures; a preview first</source>
        <translation>De vergaderingen van dit jaar plannen op de vaste weekdag, zonder feestdagen en sluitingen; eerst een voorbeeld</translation>
    </message>
    <message>
        <source>Place the themes</source>
        <translation>Thema&apos;s plaatsen</translation>
    </message>
    <message>
        <source>BBC milestones first, then the recurring themes, without overloading a meeting</source>
        <translation>Eerst de BBC-mijlpalen, dan de terugkerende thema&apos;s, zonder een vergadering te overladen</translation>
    </message>
    <message>
        <source>Put in the director&apos;s calendar…</source>
        <translation>In de agenda van de directeur zetten…</translation>
    </message>
    <message>
        <source>Export as ICS…</source>
        <translation>Exporteren als ICS…</translation>
    </message>
    <message>
        <source>Reading the year plan</source>
        <translation>Het jaarplan lezen</translation>
    </message>
    <message>
        <source>Planning the year</source>
        <translation>Het jaar plannen</translation>
    </message>
    <message>
        <source>Placing the themes</source>
        <translation>De thema&apos;s plaatsen</translation>
    </message>
    <message>
        <source>Put every planned meeting of {year} that is not in the director&apos;s calendar yet in it? They go to Exchange with the next synchronisation, without invitations.</source>
        <translation>Elke geplande vergadering van {year} die nog niet in de agenda van de directeur staat, erin zetten? Ze gaan bij de volgende synchronisatie naar Exchange, zonder uitnodigingen.</translation>
    </message>
    <message>
        <source>Putting the meetings in the calendar</source>
        <translation>De vergaderingen in de agenda zetten</translation>
    </message>
    <message>
        <source>Export the year plan</source>
        <translation>Het jaarplan exporteren</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <source>Exporting the year plan</source>
        <translation>Het jaarplan exporteren</translation>
    </message>
</context>
<context>
    <name>YearView</name>
    <message>
        <source>Year plan</source>
        <translation>Jaarplan</translation>
    </message>
    <message>
        <source>Reading the year plan</source>
        <translation>Jaarplan lezen</translation>
    </message>
    <message>
        <source>%1 — year plan %2</source>
        <translation>%1 — jaarplan %2</translation>
    </message>
</context>
</TS>
