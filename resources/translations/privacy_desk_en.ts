<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>Saved; %n open case(s) recomputed.</source>
        <translation>
            <numerusform>Saved; %n open case recomputed.</numerusform><numerusform>Saved; %n open cases recomputed.</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform><numerusform>%n cases</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform><numerusform>overdue by %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
</context>
<context>
    <name>DeadlineCalendarModel</name>
    <message numerus="yes">
        <source>%n open case(s) due</source>
        <translation>
            <numerusform>%n open case due</numerusform><numerusform>%n open cases due</numerusform></translation>
    </message>
</context>
<context>
    <name>JurisdictionRulesModel</name>
    <message numerus="yes">
        <source>%n calendar day(s)</source>
        <translation>
            <numerusform>%n calendar day</numerusform><numerusform>%n calendar days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform><numerusform>%n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n business day(s)</source>
        <translation>
            <numerusform>%n business day</numerusform><numerusform>%n business days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform><numerusform>%n months</numerusform></translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n case(s) in this view · signed in as %1</source>
        <translation>
            <numerusform>%n case in this view · signed in as %1</numerusform><numerusform>%n cases in this view · signed in as %1</numerusform></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message numerus="yes">
        <source>%n case(s): </source>
        <translation>
            <numerusform>%n case: </numerusform><numerusform>%n cases: </numerusform></translation>
    </message>
</context>
<context>
    <name>RequesterDialog</name>
    <message numerus="yes">
        <source>This requester has %n other case(s); the correction applies to them too.</source>
        <translation>
            <numerusform>This requester has %n other case; the correction applies to them too.</numerusform><numerusform>This requester has %n other cases; the correction applies to them too.</numerusform></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message numerus="yes">
        <source>statutory minimum %n month(s)</source>
        <translation>
            <numerusform>statutory minimum %n month</numerusform><numerusform>statutory minimum %n months</numerusform></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message numerus="yes">
        <source>No keyring is available on this computer, so the new case database will be encrypted with a passphrase. Choose one of at least %n characters and keep it safe: without it the cases cannot be opened.</source>
        <translation>
            <numerusform>No keyring is available on this computer, so the new case database will be encrypted with a passphrase. Choose one of at least %n characters and keep it safe: without it the cases cannot be opened.</numerusform><numerusform>No keyring is available on this computer, so the new case database will be encrypted with a passphrase. Choose one of at least %n characters and keep it safe: without it the cases cannot be opened.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n characters.</numerusform><numerusform>The passphrase needs at least %n characters.</numerusform></translation>
    </message>
</context>
</TS>