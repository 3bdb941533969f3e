<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>veloce::KillSwitchButton</name>
    <message numerus="yes">
        <source>TRADING HALTED — %n position(s) flattened in %1</source>
        <translation>
            <numerusform>TRADING HALTED — %n position flattened in %1</numerusform>
            <numerusform>TRADING HALTED — %n positions flattened in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::SessionStatus</name>
    <message numerus="yes">
        <source>lag %1 · %n reconnect(s)</source>
        <translation>
            <numerusform>lag %1 · %n reconnect</numerusform>
            <numerusform>lag %1 · %n reconnects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) repaired</source>
        <translation>
            <numerusform>%n gap repaired</numerusform>
            <numerusform>%n gaps repaired</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::SettingsDialog</name>
    <message numerus="yes">
        <source>%n setting(s) need fixing before they can be used.</source>
        <translation>
            <numerusform>%n setting needs fixing before it can be used.</numerusform>
            <numerusform>%n settings need fixing before they can be used.</numerusform>
        </translation>
    </message>
</context>
</TS>
