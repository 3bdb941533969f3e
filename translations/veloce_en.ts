<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>veloce::AlertBanner</name>
    <message numerus="yes">
        <source>%n open alarm(s) in all</source>
        <translation>
            <numerusform>%n open alarm in all</numerusform>
            <numerusform>%n open alarms in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::AlertNotifier</name>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n new alert</numerusform>
            <numerusform>%n new alerts</numerusform>
        </translation>
    </message>
</context>
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
    <name>veloce::OptimizerController</name>
    <message numerus="yes">
        <source>%n configuration(s)</source>
        <translation>
            <numerusform>%n configuration</numerusform>
            <numerusform>%n configurations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %1 configurations on %n thread(s)…</source>
        <translation>
            <numerusform>Sweeping %1 configurations on %n thread…</numerusform>
            <numerusform>Sweeping %1 configurations on %n threads…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n window(s) in %1; walk-forward efficiency %2</source>
        <translation>
            <numerusform>Done: %n window in %1; walk-forward efficiency %2</numerusform>
            <numerusform>Done: %n windows in %1; walk-forward efficiency %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::SessionHistory</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
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
    <message numerus="yes">
        <source>%n unacknowledged alert(s)</source>
        <translation>
            <numerusform>%n unacknowledged alert</numerusform>
            <numerusform>%n unacknowledged alerts</numerusform>
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
<context>
    <name>veloce::SweepView</name>
    <message numerus="yes">
        <source>%1 on %n thread(s)</source>
        <translation>
            <numerusform>%1 on %n thread</numerusform>
            <numerusform>%1 on %n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n configuration(s) tried</source>
        <translation>
            <numerusform>of %n configuration tried</numerusform>
            <numerusform>of %n configurations tried</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::WalkForwardView</name>
    <message numerus="yes">
        <source>Walk-forward: %n window(s), train %1, test %2</source>
        <translation>
            <numerusform>Walk-forward: %n window, train %1, test %2</numerusform>
            <numerusform>Walk-forward: %n windows, train %1, test %2</numerusform>
        </translation>
    </message>
</context>
</TS>
