<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartOverlay</name>
    <message>
        <source>LONG</source>
        <translation>LONG</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>SHORT</translation>
    </message>
    <message>
        <source>SL</source>
        <translation>SL</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>%1   O %2  H %3  L %4  C %5  Vol %6</source>
        <translation>%1   O %2  H %3  L %4  C %5  Vol %6</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>Veloce trading workstation. Without arguments it opens a paper session on the built-in market simulator.</source>
        <translation>Veloce Trading-Workstation. Ohne Argumente startet sie eine Paper-Trading-Sitzung mit dem eingebauten Marktsimulator.</translation>
    </message>
    <message>
        <source>JSON config file (as for veloce-cli).</source>
        <translation>JSON-Konfigurationsdatei (wie bei veloce-cli).</translation>
    </message>
    <message>
        <source>SQLite journal of the paper session.</source>
        <translation>SQLite-Journal der Paper-Trading-Sitzung.</translation>
    </message>
    <message>
        <source>Simulator speed, multiples of real time.</source>
        <translation>Simulator-Tempo als Vielfaches der Echtzeit.</translation>
    </message>
    <message>
        <source>Simulator seed.</source>
        <translation>Seed des Simulators.</translation>
    </message>
    <message>
        <source>Do not start a paper session at launch.</source>
        <translation>Beim Start keine Paper-Trading-Sitzung beginnen.</translation>
    </message>
    <message>
        <source>Backtest this data file at launch.</source>
        <translation>Beim Start einen Backtest mit dieser Datendatei ausführen.</translation>
    </message>
    <message>
        <source>Save a PNG of the window (tests).</source>
        <translation>Ein PNG-Bild des Fensters speichern (Tests).</translation>
    </message>
    <message>
        <source>Bars to wait for before --screenshot.</source>
        <translation>Anzahl Bars, die vor --screenshot abgewartet werden.</translation>
    </message>
    <message>
        <source>Print state changes as JSON lines (tests).</source>
        <translation>Zustandsänderungen als JSON-Zeilen ausgeben (Tests).</translation>
    </message>
    <message>
        <source>Quit after this many seconds.</source>
        <translation>Nach so vielen Sekunden beenden.</translation>
    </message>
    <message>
        <source>Measure GUI event-loop latency for this many seconds, print JSON, quit.</source>
        <translation>So viele Sekunden lang die Latenz der GUI-Ereignisschleife messen, als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <source>After --backtest, write the HTML report here.</source>
        <translation>Nach --backtest den HTML-Bericht hierhin schreiben.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: as chosen in Settings, else the system language).</source>
        <translation>Sprache der Oberfläche: %1 (Standard: wie in den Einstellungen gewählt, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>--lang: unknown language &quot;%1&quot; (available: %2)</source>
        <translation>--lang: unbekannte Sprache „%1“ (verfügbar: %2)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>After --backtest, select this row of the trades table (0 = first).</source>
        <translation>Nach --backtest diese Zeile der Trade-Tabelle auswählen (0 = erste).</translation>
    </message>
    <message>
        <source>Open File → Sessions (the journal&apos;s past sessions) at launch.</source>
        <translation>Beim Start Datei → Sitzungen öffnen (die vergangenen Sitzungen des Journals).</translation>
    </message>
    <message>
        <source>Show this past session of the journal in the dashboard at launch.</source>
        <translation>Diese vergangene Sitzung des Journals beim Start im Dashboard zeigen.</translation>
    </message>
    <message>
        <source>Backtest this many simulated bars, then time selecting trades (zoom and redraw), print JSON, quit.</source>
        <translation>So viele simulierte Bars backtesten, dann die Auswahl von Trades messen (Zoom und Neuzeichnen), JSON ausgeben, beenden.</translation>
    </message>
    <message>
        <source>Start the paper session on Binance&apos;s live trades of these markets (e.g. btcusdt).</source>
        <translation>Paper-Trading mit Binances Live-Trades dieser Märkte starten (z. B. btcusdt).</translation>
    </message>
    <message>
        <source>Open the Optimizer with this grid (as for veloce-cli sweep --grid) and run it; with --screenshot, save the Optimizer window when the run is shown, then quit.</source>
        <translation>Den Optimierer mit diesem Raster öffnen (wie bei veloce-cli sweep --grid) und ausführen; mit --screenshot das Optimierer-Fenster speichern, sobald das Ergebnis angezeigt ist, dann beenden.</translation>
    </message>
    <message>
        <source>Data file of the --optimizer run (default: the simulator).</source>
        <translation>Datendatei des --optimizer-Laufs (Standard: der Simulator).</translation>
    </message>
    <message>
        <source>With --optimizer: a walk-forward analysis instead of a sweep, e.g. 30d,7d or 30d,7d,14d.</source>
        <translation>Mit --optimizer: eine Walk-forward-Analyse statt eines Sweeps, z. B. 30d,7d oder 30d,7d,14d.</translation>
    </message>
    <message>
        <source>--walkforward: expected TRAIN,TEST or TRAIN,TEST,STEP, e.g. 30d,7d</source>
        <translation>--walkforward: erwartet TRAIN,TEST oder TRAIN,TEST,SCHRITT, z. B. 30d,7d</translation>
    </message>
    <message>
        <source>--optimizer-data and --walkforward need --optimizer GRID.json</source>
        <translation>--optimizer-data und --walkforward brauchen --optimizer GRID.json</translation>
    </message>
</context>
<context>
    <name>MetricText</name>
    <message>
        <source>Sharpe</source>
        <translation>Sharpe</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
    </message>
    <message>
        <source>Final equity</source>
        <translation>Endkapital</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>Profitfaktor</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Zeit im Markt</translation>
    </message>
</context>
<context>
    <name>veloce::AlertBanner</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Confirm that you have seen every open alarm; they stay in the journal.</source>
        <translation>Bestätigen, dass Sie jeden offenen Alarm gesehen haben; sie bleiben im Journal.</translation>
    </message>
    <message>
        <source>ALARM %1 (%2): %3</source>
        <translation>ALARM %1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>%n open alarm(s) in all</source>
        <translation>
            <numerusform>%n offener Alarm insgesamt</numerusform>
            <numerusform>%n offene Alarme insgesamt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::AlertNotifier</name>
    <message>
        <source>Veloce</source>
        <translation>Veloce</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n neue Meldung</numerusform>
            <numerusform>%n neue Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (see the Alerts dock)</source>
        <translation>%1: %2 (siehe Meldungen)</translation>
    </message>
</context>
<context>
    <name>veloce::AlertsModel</name>
    <message>
        <source>Kill switch</source>
        <translation>Not-Aus</translation>
    </message>
    <message>
        <source>Halt</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Re-arm</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Not flat</source>
        <translation>Nicht glattgestellt</translation>
    </message>
    <message>
        <source>Drawdown breaker</source>
        <translation>Drawdown-Sperre</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Herzschlag</translation>
    </message>
    <message>
        <source>Stale data</source>
        <translation>Veraltete Daten</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Datenquelle</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>ALARM — not acknowledged</source>
        <translation>ALARM — nicht bestätigt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>acknowledged %1 (%2)</source>
        <translation>bestätigt %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
</context>
<context>
    <name>veloce::AlertsPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Alle bestätigen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;alerts</source>
        <translation>Alle &amp;Meldungen bestätigen</translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen (Enter); they stay in the journal</source>
        <translation>Die ausgewählten Meldungen als gesehen markieren (Eingabetaste); sie bleiben im Journal</translation>
    </message>
    <message>
        <source>Mark every alert shown as seen (Ctrl+Shift+A)</source>
        <translation>Jede angezeigte Meldung als gesehen markieren (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Beep when a warning or an alarm arrives</source>
        <translation>Signalton bei einer Warnung oder einem Alarm</translation>
    </message>
    <message>
        <source>Enter acknowledges the selected alerts</source>
        <translation>Die Eingabetaste bestätigt die ausgewählten Meldungen</translation>
    </message>
    <message>
        <source>This desktop has no notification area (system tray)</source>
        <translation>Dieser Desktop hat keinen Benachrichtigungsbereich (System-Tray)</translation>
    </message>
    <message>
        <source>No alerts in this session</source>
        <translation>Keine Meldungen in dieser Sitzung</translation>
    </message>
    <message>
        <source>%1 of %2 unacknowledged</source>
        <translation>%1 von %2 unbestätigt</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>Show each alert as a desktop notification (notification area)</source>
        <translation>Jede Meldung als Desktop-Benachrichtigung zeigen (Benachrichtigungsbereich)</translation>
    </message>
</context>
<context>
    <name>veloce::BacktestPanel</name>
    <message>
        <source>Run backtest</source>
        <translation>Backtest starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Restart backtest</source>
        <translation>Backtest neu starten</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>%1 bars</source>
        <translation>%1 Bars</translation>
    </message>
    <message>
        <source>%1% — %2 bars — about %3 left</source>
        <translation>%1 % – %2 Bars – noch etwa %3</translation>
    </message>
    <message>
        <source>%1% — %2 bars</source>
        <translation>%1 % – %2 Bars</translation>
    </message>
</context>
<context>
    <name>veloce::CandleChart</name>
    <message>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1h</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>1s</source>
        <translation>1s</translation>
    </message>
    <message>
        <source>1m</source>
        <translation>1m</translation>
    </message>
    <message>
        <source>5m</source>
        <translation>5m</translation>
    </message>
    <message>
        <source>1h</source>
        <translation>1h</translation>
    </message>
    <message>
        <source>Show %1 candles</source>
        <translation>%1-Kerzen anzeigen</translation>
    </message>
    <message>
        <source>Zoom out (mouse wheel, −)</source>
        <translation>Herauszoomen (Mausrad, −)</translation>
    </message>
    <message>
        <source>Zoom in (mouse wheel, +)</source>
        <translation>Hineinzoomen (Mausrad, +)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show the whole history (Home)</source>
        <translation>Gesamte Historie anzeigen (Pos1)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest candle in view (End, or double-click the chart); drag to pan</source>
        <translation>Neueste Kerze im Blick behalten (Ende oder Doppelklick in den Chart); Ziehen verschiebt den Ausschnitt</translation>
    </message>
    <message>
        <source>zoomed out: %1 candles</source>
        <translation>herausgezoomt: %1-Kerzen</translation>
    </message>
    <message>
        <source>data has %1 bars</source>
        <translation>Daten liegen als %1-Bars vor</translation>
    </message>
</context>
<context>
    <name>veloce::CandleChartView</name>
    <message>
        <source>Waiting for market data…</source>
        <translation>Warte auf Marktdaten…</translation>
    </message>
</context>
<context>
    <name>veloce::Dashboard</name>
    <message>
        <source>Export HTML report…</source>
        <translation>HTML-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Write a self-contained HTML report of this backtest</source>
        <translation>Einen eigenständigen HTML-Bericht dieses Backtests speichern</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>Gesamtrendite</translation>
    </message>
    <message>
        <source>final equity / initial capital − 1</source>
        <translation>Endkapital / Startkapital − 1</translation>
    </message>
    <message>
        <source>Final equity</source>
        <translation>Endkapital</translation>
    </message>
    <message>
        <source>cash after the end-of-data closes</source>
        <translation>Guthaben, nachdem am Datenende alle Positionen geschlossen sind</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>largest (peak − equity) / peak over every bar</source>
        <translation>größter Wert von (Hochpunkt − Kapital) / Hochpunkt über alle Bars</translation>
    </message>
    <message>
        <source>Sharpe ratio</source>
        <translation>Sharpe Ratio</translation>
    </message>
    <message>
        <source>per-minute returns, annualised for a 24/7 market</source>
        <translation>aus Minutenrenditen, annualisiert für einen 24/7-Markt</translation>
    </message>
    <message>
        <source>Sortino ratio</source>
        <translation>Sortino Ratio</translation>
    </message>
    <message>
        <source>like Sharpe, with downside deviation; — when there is none</source>
        <translation>wie Sharpe, aber mit Abwärtsvolatilität; „—“, wenn es keine gibt</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>Profitfaktor</translation>
    </message>
    <message>
        <source>gross profit / gross loss; — when there is no loss</source>
        <translation>Bruttogewinn / Bruttoverlust; „—“, wenn es keinen Verlust gibt</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>winning trades / trades</source>
        <translation>Gewinntrades / alle Trades</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>closed trades (wins / losses)</source>
        <translation>geschlossene Trades (Gewinner / Verlierer)</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Zeit im Markt</translation>
    </message>
    <message>
        <source>share of bars that end with an open position</source>
        <translation>Anteil der Bars, die mit offener Position enden</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>signals built, and how many the portfolio rejected</source>
        <translation>erzeugte Signale und wie viele davon das Portfolio abgelehnt hat</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Bars</translation>
    </message>
    <message>
        <source>bars processed</source>
        <translation>verarbeitete Bars</translation>
    </message>
    <message>
        <source>Squeeze active</source>
        <translation>Squeeze aktiv</translation>
    </message>
    <message>
        <source>Divergence active</source>
        <translation>Divergenz aktiv</translation>
    </message>
    <message>
        <source>Reset active</source>
        <translation>Reset aktiv</translation>
    </message>
    <message>
        <source>Momentum active</source>
        <translation>Momentum aktiv</translation>
    </message>
    <message>
        <source>Volume active</source>
        <translation>Volumen aktiv</translation>
    </message>
    <message>
        <source>share of bars on which this phase scored above zero</source>
        <translation>Anteil der Bars, in denen diese Phase mehr als null Punkte hatte</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>wall time from opening the source to the last bar</source>
        <translation>tatsächliche Zeit vom Öffnen der Quelle bis zum letzten Bar</translation>
    </message>
    <message>
        <source>Signals by decision</source>
        <translation>Signale nach Entscheidung</translation>
    </message>
    <message>
        <source>No backtest yet</source>
        <translation>Noch kein Backtest</translation>
    </message>
    <message>
        <source>(unnamed instrument)</source>
        <translation>(unbenanntes Instrument)</translation>
    </message>
    <message>
        <source>Source: %1 · config %2</source>
        <translation>Quelle: %1 · Konfiguration %2</translation>
    </message>
    <message>
        <source> · cancelled before the end of the data: partial result</source>
        <translation> · vor dem Datenende abgebrochen: Teilergebnis</translation>
    </message>
    <message>
        <source> · signal table limited to the first %1</source>
        <translation> · Signaltabelle auf die ersten %1 begrenzt</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <source>%1 won · %2 lost</source>
        <translation>%1 Gewinner · %2 Verlierer</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>bars per second from opening the source to the last bar: reading and decoding included, so below the engine&apos;s own speed</source>
        <translation>Bars pro Sekunde vom Öffnen der Quelle bis zum letzten Bar: Lesen und Dekodieren inbegriffen, daher unter der Geschwindigkeit der Engine allein</translation>
    </message>
    <message>
        <source>Select a trade to zoom the chart to it; Up/Down walk through the trades</source>
        <translation>Einen Trade auswählen, um den Chart darauf zu zoomen; Auf/Ab gehen die Trades durch</translation>
    </message>
    <message>
        <source>Run one from the Backtest panel of the Live view, with File → Open data file, or drop a data file onto the window; the results appear here.</source>
        <translation>Starten Sie einen im Backtest-Bereich der Live-Ansicht, mit Datei → Datendatei öffnen oder indem Sie eine Datendatei auf das Fenster ziehen; die Ergebnisse erscheinen hier.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Session #%1 — %2</source>
        <translation>Sitzung #%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Past live session from the journal, read-only · %1 · config %2 · bars are not journaled: the chart joins each minute&apos;s last close</source>
        <translation>Vergangene Live-Sitzung aus dem Journal, nur lesend · %1 · Konfiguration %2 · Bars werden nicht journalisiert: der Chart verbindet den letzten Schlusskurs jeder Minute</translation>
    </message>
    <message>
        <source>%1 (minute closes)</source>
        <translation>%1 (Minuten-Schlusskurse)</translation>
    </message>
    <message>
        <source>not journaled</source>
        <translation>nicht im Journal</translation>
    </message>
    <message>
        <source>session wall time</source>
        <translation>Laufzeit der Sitzung</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>end to end, reading included</source>
        <translation>gesamt, Lesen eingeschlossen</translation>
    </message>
</context>
<context>
    <name>veloce::EquityChart</name>
    <message>
        <source>Equity — no data yet</source>
        <translation>Equity-Kurve – noch keine Daten</translation>
    </message>
    <message>
        <source>Equity %1   (%2)   max drawdown %3</source>
        <translation>Kapital %1   (%2)   max. Drawdown %3</translation>
    </message>
</context>
<context>
    <name>veloce::GridForm</name>
    <message>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Vary one more config key</source>
        <translation>Einen weiteren Konfigurationsschlüssel variieren</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Read a GRID.json file, as veloce-cli sweep --grid reads it</source>
        <translation>Eine GRID.json-Datei lesen, wie veloce-cli sweep --grid sie liest</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Write this grid as a GRID.json file for veloce-cli sweep and walkforward</source>
        <translation>Dieses Raster als GRID.json-Datei für veloce-cli sweep und walkforward speichern</translation>
    </message>
    <message>
        <source>e.g. 4, 5, 6</source>
        <translation>z. B. 4, 5, 6</translation>
    </message>
    <message>
        <source>now %1; e.g. 4, 5, 6</source>
        <translation>jetzt %1; z. B. 4, 5, 6</translation>
    </message>
    <message>
        <source>%1 is %2 in the current settings</source>
        <translation>%1 ist %2 in den aktuellen Einstellungen</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>A list of values, or an inclusive range from, to, step</source>
        <translation>Eine Liste von Werten oder ein Bereich von, bis (einschließlich), Schritt</translation>
    </message>
    <message>
        <source>Remove this key from the grid</source>
        <translation>Diesen Schlüssel aus dem Raster entfernen</translation>
    </message>
    <message>
        <source>Values separated by commas (4, 5, 6 or range, atr), or a JSON array</source>
        <translation>Werte durch Kommas getrennt (4, 5, 6 oder range, atr) oder ein JSON-Array</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number (write decimals with a dot)</source>
        <translation>%1: „%2“ ist keine Zahl (Dezimalstellen mit Punkt schreiben)</translation>
    </message>
    <message>
        <source>a row has values but no key</source>
        <translation>eine Zeile hat Werte, aber keinen Schlüssel</translation>
    </message>
    <message>
        <source>appears twice in the grid</source>
        <translation>kommt zweimal im Raster vor</translation>
    </message>
    <message>
        <source>the grid has no keys: add a key and its values</source>
        <translation>das Raster hat keine Schlüssel: einen Schlüssel und seine Werte hinzufügen</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>keine Werte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON array</source>
        <translation>„%1“ ist kein JSON-Array</translation>
    </message>
    <message>
        <source>an empty value in &quot;%1&quot;</source>
        <translation>ein leerer Wert in „%1“</translation>
    </message>
</context>
<context>
    <name>veloce::HeatmapView</name>
    <message>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>▲ better</source>
        <translation>▲ besser</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>%1
%2
configuration %3 · double-click to backtest it</source>
        <translation>%1
%2
Konfiguration %3 · Doppelklick startet ihren Backtest</translation>
    </message>
    <message>
        <source>the best configuration</source>
        <translation>die beste Konfiguration</translation>
    </message>
    <message>
        <source>Run a sweep: the objective over two keys appears here, the other keys at their best values.</source>
        <translation>Einen Sweep starten: Hier erscheint die Zielgröße über zwei Schlüssel, die übrigen Schlüssel auf ihren besten Werten.</translation>
    </message>
</context>
<context>
    <name>veloce::KillSwitchButton</name>
    <message>
        <source>Re-arm trading</source>
        <translation>Handel wieder freigeben</translation>
    </message>
    <message>
        <source>KILL SWITCH</source>
        <translation>NOT-AUS</translation>
    </message>
    <message>
        <source>Halt trading and close every position now (Ctrl+Shift+K). Acts on the first press.</source>
        <translation>Handel sofort stoppen und alle Positionen schließen (Strg+Umschalt+K). Wirkt beim ersten Druck.</translation>
    </message>
    <message>
        <source>Allow new entries again. Trading stays halted until you do this.</source>
        <translation>Neue Einstiege wieder zulassen. Bis dahin bleibt der Handel gestoppt.</translation>
    </message>
    <message numerus="yes">
        <source>TRADING HALTED — %n position(s) flattened in %1</source>
        <translation>
            <numerusform>HANDEL GESTOPPT – %n Position in %1 glattgestellt</numerusform>
            <numerusform>HANDEL GESTOPPT – %n Positionen in %1 glattgestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>HALTING…</source>
        <translation>STOPPE…</translation>
    </message>
    <message>
        <source>Halting and flattening…</source>
        <translation>Stoppe den Handel und stelle glatt…</translation>
    </message>
    <message>
        <source>HALTED</source>
        <translation>GESTOPPT</translation>
    </message>
    <message>
        <source>Trading active</source>
        <translation>Handel aktiv</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K halts and flattens</source>
        <translation>Strg+Umschalt+K stoppt und stellt glatt</translation>
    </message>
</context>
<context>
    <name>veloce::LanguageChooser</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Takes effect at the next start of Veloce.</source>
        <translation>Wirkt ab dem nächsten Start von Veloce.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>veloce::LiveConfirmDialog</name>
    <message>
        <source>Start a LIVE session</source>
        <translation>LIVE-Sitzung starten</translation>
    </message>
    <message>
        <source>Veloce will send REAL orders for %1 to the FreqTrade bot at %2. The session starts only if the bot reports that it trades live.

Type %3 to confirm.</source>
        <translation>Veloce sendet ECHTE Orders für %1 an den FreqTrade-Bot unter %2. Die Sitzung startet nur, wenn der Bot meldet, dass er live handelt.

Zur Bestätigung %3 eingeben.</translation>
    </message>
    <message>
        <source>Start live session</source>
        <translation>Live-Sitzung starten</translation>
    </message>
</context>
<context>
    <name>veloce::MainController</name>
    <message>
        <source>Paper session</source>
        <translation>Paper-Trading</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Backtest</translation>
    </message>
    <message>
        <source>Backtest a data file</source>
        <translation>Backtest mit einer Datendatei</translation>
    </message>
    <message>
        <source>Market data (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation>Marktdaten (*.csv *.csv.gz *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Backtest failed: %1</source>
        <translation>Backtest fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>gespeicherte Einstellungen</translation>
    </message>
    <message>
        <source>Saved settings ignored: %1</source>
        <translation>Gespeicherte Einstellungen ignoriert: %1</translation>
    </message>
    <message>
        <source>Config %1 · min entry score %2 · capital %3</source>
        <translation>Konfiguration %1 · Mindest-Score %2 · Kapital %3</translation>
    </message>
    <message>
        <source>Settings saved; they apply to the next backtest and session, the language at the next start.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Backtest und der nächsten Sitzung, die Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Settings saved; they apply to the next backtest and session.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Backtest und der nächsten Sitzung.</translation>
    </message>
    <message>
        <source>Backtest running…</source>
        <translation>Backtest läuft…</translation>
    </message>
    <message>
        <source>Done: %1 bars, %2 trades, return %3</source>
        <translation>Fertig: %1 Bars, %2 Trades, Rendite %3</translation>
    </message>
    <message>
        <source>Run a backtest first: there is nothing to export.</source>
        <translation>Erst einen Backtest ausführen: Es gibt noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Export HTML report</source>
        <translation>HTML-Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht gespeichert: %1</translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation>Bericht fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Journal refused</source>
        <translation>Journal abgelehnt</translation>
    </message>
    <message>
        <source>The session&apos;s journal cannot be used:

%1

The file was left unchanged. Start a new journal beside it? (The account, positions and halt state of the old journal are not carried over.)</source>
        <translation>Das Journal der Sitzung kann nicht verwendet werden:

%1

Die Datei wurde nicht verändert. Ein neues Journal daneben beginnen? (Konto, Positionen und Stopp-Zustand des alten Journals werden nicht übernommen.)</translation>
    </message>
    <message>
        <source>Start a new journal</source>
        <translation>Neues Journal beginnen</translation>
    </message>
</context>
<context>
    <name>veloce::MainWindow</name>
    <message>
        <source>Trading</source>
        <translation>Handel</translation>
    </message>
    <message>
        <source>Veloce</source>
        <translation>Veloce</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Backtest dashboard</source>
        <translation>Backtest-Dashboard</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Closed trades</source>
        <translation>Geschlossene Trades</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Equity-Kurve</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open data file for a backtest…</source>
        <translation>Datendatei für Backtest ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Export HTML report…</source>
        <translation>HTML-Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation>&amp;Handel</translation>
    </message>
    <message>
        <source>&amp;Kill switch	Ctrl+Shift+K</source>
        <translation>&amp;Not-Aus	Strg+Umschalt+K</translation>
    </message>
    <message>
        <source>&amp;Re-arm trading</source>
        <translation>Handel &amp;wieder freigeben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Live chart</source>
        <translation>&amp;Live-Chart</translation>
    </message>
    <message>
        <source>Backtest &amp;dashboard</source>
        <translation>Backtest-&amp;Dashboard</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Select a trade to zoom the chart to it; Up/Down walk through the trades</source>
        <translation>Einen Trade auswählen, um den Chart darauf zu zoomen; Auf/Ab gehen die Trades durch</translation>
    </message>
    <message>
        <source>&amp;Sessions…</source>
        <translation>&amp;Sitzungen…</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Dashboard in its own &amp;window</source>
        <translation>Dashboard in eigenem &amp;Fenster</translation>
    </message>
    <message>
        <source>Show the backtest dashboard in a separate window, e.g. on a second screen</source>
        <translation>Das Backtest-Dashboard in einem eigenen Fenster zeigen, z. B. auf einem zweiten Bildschirm</translation>
    </message>
    <message>
        <source>Veloce — backtest dashboard</source>
        <translation>Veloce — Backtest-Dashboard</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Meldungen</translation>
    </message>
</context>
<context>
    <name>veloce::OptimizerController</name>
    <message>
        <source>&amp;Research</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>&amp;Optimizer…</source>
        <translation>&amp;Optimierer…</translation>
    </message>
    <message>
        <source>Parameter sweeps, heatmaps, walk-forward analysis and the overfitting check</source>
        <translation>Parameter-Sweeps, Heatmaps, Walk-forward-Analyse und die Überanpassungsprüfung</translation>
    </message>
    <message>
        <source>Cancelled before any configuration finished</source>
        <translation>Abgebrochen, bevor eine Konfiguration fertig war</translation>
    </message>
    <message>
        <source>Optimizer grid</source>
        <translation>Optimierer-Raster</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration(s)</source>
        <translation>
            <numerusform>%n Konfiguration</numerusform>
            <numerusform>%n Konfigurationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %1 configurations on %n thread(s)…</source>
        <translation>
            <numerusform>Sweep über %1 Konfigurationen mit %n Thread…</numerusform>
            <numerusform>Sweep über %1 Konfigurationen mit %n Threads…</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-forward over %1 configurations per window…</source>
        <translation>Walk-forward über %1 Konfigurationen je Fenster…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 configurations finished in %3; they are shown</source>
        <translation>Abgebrochen: %1 von %2 Konfigurationen in %3 fertig; sie werden angezeigt</translation>
    </message>
    <message>
        <source>Done: %1 configurations in %2. Double-click one to backtest it.</source>
        <translation>Fertig: %1 Konfigurationen in %2. Doppelklick auf eine startet ihren Backtest.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n window(s) in %1; walk-forward efficiency %2</source>
        <translation>
            <numerusform>Fertig: %n Fenster in %1; Walk-forward-Effizienz %2</numerusform>
            <numerusform>Fertig: %n Fenster in %1; Walk-forward-Effizienz %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Backtesting %1 in the dashboard…</source>
        <translation>Backtest von %1 im Dashboard…</translation>
    </message>
    <message>
        <source>Run a sweep first: there is nothing to export.</source>
        <translation>Zuerst einen Sweep starten: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Export the sweep&apos;s HTML report</source>
        <translation>HTML-Bericht des Sweeps exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht gespeichert: %1</translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation>Bericht fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Load a grid</source>
        <translation>Raster laden</translation>
    </message>
    <message>
        <source>Grid (*.json);;All files (*)</source>
        <translation>Raster (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Grid loaded from %1</source>
        <translation>Raster geladen aus %1</translation>
    </message>
    <message>
        <source>Save the grid</source>
        <translation>Raster speichern</translation>
    </message>
    <message>
        <source>Grid (*.json)</source>
        <translation>Raster (*.json)</translation>
    </message>
    <message>
        <source>Grid saved to %1 (veloce-cli sweep --grid reads it)</source>
        <translation>Raster gespeichert: %1 (veloce-cli sweep --grid liest es)</translation>
    </message>
</context>
<context>
    <name>veloce::OptimizerPanel</name>
    <message>
        <source>Run sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <source>Run walk-forward</source>
        <translation>Walk-forward starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Parameter grid</source>
        <translation>Parameter-Raster</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>the smallest is best</source>
        <translation>der kleinste Wert ist der beste</translation>
    </message>
    <message>
        <source>the largest is best</source>
        <translation>der größte Wert ist der beste</translation>
    </message>
    <message>
        <source>Worker threads of the sweep (default: one per CPU)</source>
        <translation>Worker-Threads des Sweeps (Standard: einer je CPU)</translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation>Optimieren</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Walk-forward</source>
        <translation>Walk-forward</translation>
    </message>
    <message>
        <source>In-sample span of each window: a whole number and s, m, h, d or w</source>
        <translation>In-Sample-Spanne jedes Fensters: eine ganze Zahl und s, m, h, d oder w</translation>
    </message>
    <message>
        <source>Out-of-sample span that follows it</source>
        <translation>Die darauf folgende Out-of-Sample-Spanne</translation>
    </message>
    <message>
        <source>as the test span</source>
        <translation>wie die Testspanne</translation>
    </message>
    <message>
        <source>How far the windows move (at least the test span)</source>
        <translation>Wie weit die Fenster weiterrücken (mindestens die Testspanne)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Step must be at least the test span: out-of-sample spans must not overlap</source>
        <translation>Der Schritt muss mindestens die Testspanne sein: Out-of-Sample-Spannen dürfen sich nicht überlappen</translation>
    </message>
    <message>
        <source>Restart sweep</source>
        <translation>Sweep neu starten</translation>
    </message>
    <message>
        <source>Restart walk-forward</source>
        <translation>Walk-forward neu starten</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>reading the bars…</source>
        <translation>Bars werden gelesen…</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 von %2 Läufen</translation>
    </message>
    <message>
        <source>%1% — %2 — about %3 left</source>
        <translation>%1% — %2 — noch etwa %3</translation>
    </message>
    <message>
        <source>%1% — %2</source>
        <translation>%1% — %2</translation>
    </message>
</context>
<context>
    <name>veloce::OptimizerWindow</name>
    <message>
        <source>Veloce — Optimizer</source>
        <translation>Veloce — Optimierer</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Walk-forward</source>
        <translation>Walk-forward</translation>
    </message>
</context>
<context>
    <name>veloce::PositionsModel</name>
    <message>
        <source>LONG</source>
        <translation>LONG</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>SHORT</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter Kurs</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unrealized PnL</source>
        <translation>Unrealisierter G/V</translation>
    </message>
    <message>
        <source>PnL %</source>
        <translation>G/V %</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Take Profit</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>veloce::ReplayController</name>
    <message>
        <source>no replay running</source>
        <translation>keine Wiedergabe aktiv</translation>
    </message>
    <message>
        <source>live data: nothing to pace</source>
        <translation>Live-Daten: nichts zu steuern</translation>
    </message>
</context>
<context>
    <name>veloce::ReplayControls</name>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Release one bar (while paused) — .</source>
        <translation>Einen Bar freigeben (während der Pause) — .</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Previous speed step — [</source>
        <translation>Vorige Geschwindigkeitsstufe — [</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>Next speed step — ]</source>
        <translation>Nächste Geschwindigkeitsstufe — ]</translation>
    </message>
    <message>
        <source>Replay speed in multiples of real time ([ and ] change it)</source>
        <translation>Wiedergabegeschwindigkeit als Vielfaches der Echtzeit ([ und ] ändern sie)</translation>
    </message>
    <message>
        <source>Bar time (UTC) to jump to: every bar up to it is processed as fast as possible</source>
        <translation>Bar-Zeit (UTC), zu der gesprungen wird: jeder Bar bis dahin wird so schnell wie möglich verarbeitet</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>Springen</translation>
    </message>
    <message>
        <source>Run forward to the chosen time — Ctrl+J</source>
        <translation>Bis zur gewählten Zeit vorlaufen — Strg+J</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the replay — Space</source>
        <translation>Wiedergabe fortsetzen — Leertaste</translation>
    </message>
    <message>
        <source>Pause the replay — Space</source>
        <translation>Wiedergabe pausieren — Leertaste</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>running at %1</source>
        <translation>läuft mit %1</translation>
    </message>
    <message>
        <source>jumping to %1</source>
        <translation>springt zu %1</translation>
    </message>
    <message>
        <source> · bar %1</source>
        <translation> · Bar %1</translation>
    </message>
</context>
<context>
    <name>veloce::ScoreBars</name>
    <message>
        <source>Squeeze</source>
        <translation>Squeeze</translation>
    </message>
    <message>
        <source>Divergence</source>
        <translation>Divergenz</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Squeeze (0–3): the Bollinger Bands sit inside the Keltner Channel; one point per minute the squeeze has lasted, up to 3.</source>
        <translation>Squeeze (0–3): Die Bollinger-Bänder liegen innerhalb des Keltner-Kanals; ein Punkt pro Minute, die der Squeeze anhält, höchstens 3.</translation>
    </message>
    <message>
        <source>Divergence (0–3): price moved more than 1% over the lookback while volume moved the other way by more than 10%.</source>
        <translation>Divergenz (0–3): Der Kurs hat sich im Rückblickzeitraum um mehr als 1 % bewegt, das Volumen um mehr als 10 % in die Gegenrichtung.</translation>
    </message>
    <message>
        <source>Reset (0 or 2): over the last 20 bars price moved more than 0.5% and then reversed by more than 0.5%.</source>
        <translation>Reset (0 oder 2): In den letzten 20 Bars ist der Kurs um mehr als 0,5 % gelaufen und hat dann um mehr als 0,5 % gedreht.</translation>
    </message>
    <message>
        <source>Momentum (0–1.5): the price change over the last 10 bars, full score at a 1.5% move.</source>
        <translation>Momentum (0–1,5): die Kursänderung über die letzten 10 Bars; volle Punktzahl ab 1,5 % Bewegung.</translation>
    </message>
    <message>
        <source>Volume (0–1.5): this bar traded more than twice the average volume of the previous 49 bars.</source>
        <translation>Volumen (0–1,5): In diesem Bar wurde mehr als das Doppelte des Durchschnittsvolumens der vorherigen 49 Bars gehandelt.</translation>
    </message>
    <message>
        <source>Total (0–10): the sum of the five phases; a signal needs at least the entry threshold (min_entry_score, %1).</source>
        <translation>Gesamt (0–10): die Summe der fünf Phasen; ein Signal braucht mindestens die Einstiegsschwelle (min_entry_score, %1).</translation>
    </message>
</context>
<context>
    <name>veloce::SessionController</name>
    <message>
        <source>Could not start the session: %1</source>
        <translation>Sitzung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>halted in the window before this session started</source>
        <translation>im Fenster gestoppt, bevor diese Sitzung begann</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Running: %1 (journal %2)</source>
        <translation>Läuft: %1 (Journal %2)</translation>
    </message>
    <message>
        <source>kill switch pressed in the window</source>
        <translation>Not-Aus im Fenster ausgelöst</translation>
    </message>
    <message>
        <source>no session was running</source>
        <translation>es lief keine Sitzung</translation>
    </message>
    <message>
        <source>NOT FLAT — check the venue</source>
        <translation>NICHT GLATTGESTELLT – Positionen an der Börse prüfen</translation>
    </message>
    <message>
        <source>Session finished</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Sitzung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Sitzung gestoppt</translation>
    </message>
    <message>
        <source>Live session not started: not confirmed</source>
        <translation>Live-Sitzung nicht gestartet: nicht bestätigt</translation>
    </message>
    <message>
        <source>Session failed: %1</source>
        <translation>Sitzung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Opening the journal %1…</source>
        <translation>Öffne das Journal %1…</translation>
    </message>
    <message>
        <source>Re-arm refused: %1</source>
        <translation>Freigabe abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>veloce::SessionHistory</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading session %1…</source>
        <translation>Sitzung %1 wird geladen…</translation>
    </message>
    <message>
        <source>Session %1 is shown in the dashboard (read-only).</source>
        <translation>Sitzung %1 wird im Dashboard gezeigt (nur lesend).</translation>
    </message>
</context>
<context>
    <name>veloce::SessionPanel</name>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Simulator (built in)</source>
        <translation>Simulator (eingebaut)</translation>
    </message>
    <message>
        <source>Replay a file</source>
        <translation>Replay einer Datei</translation>
    </message>
    <message>
        <source>InfluxDB (live)</source>
        <translation>InfluxDB (live)</translation>
    </message>
    <message>
        <source>CSV or CSV.gz with bars, klines or trades</source>
        <translation>CSV oder CSV.gz mit Bars, Klines oder Trades</translation>
    </message>
    <message>
        <source>from the settings (influx_markets)</source>
        <translation>aus den Einstellungen (influx_markets)</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <source>Pace of the simulator and of replays, in multiples of real time</source>
        <translation>Tempo von Simulator und Replay als Vielfaches der Echtzeit</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Märkte</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Replay market data</source>
        <translation>Marktdaten für das Replay</translation>
    </message>
    <message>
        <source>Market data (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation>Marktdaten (*.csv *.csv.gz *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Seed: &quot;%1&quot; is not a whole number</source>
        <translation>Seed: „%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>Choose a file to replay</source>
        <translation>Bitte eine Datei für das Replay wählen</translation>
    </message>
    <message>
        <source>InfluxDB needs at least one market (or influx_markets in the settings)</source>
        <translation>InfluxDB braucht mindestens einen Markt (oder influx_markets in den Einstellungen)</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Sitzung starten</translation>
    </message>
    <message>
        <source>Paper (simulated fills)</source>
        <translation>Paper (simulierte Ausführungen)</translation>
    </message>
    <message>
        <source>FreqTrade dry-run</source>
        <translation>FreqTrade Dry-Run</translation>
    </message>
    <message>
        <source>FreqTrade LIVE (real orders)</source>
        <translation>FreqTrade LIVE (echte Orders)</translation>
    </message>
    <message>
        <source>FreqTrade uses the freqtrade_* settings; the bot must be in the chosen mode, and live asks you to type a confirmation</source>
        <translation>FreqTrade nutzt die Einstellungen freqtrade_*; der Bot muss im gewählten Modus laufen, und für Live ist eine getippte Bestätigung nötig</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Record market data…</source>
        <translation>Marktdaten aufzeichnen…</translation>
    </message>
    <message>
        <source>Binance (live)</source>
        <translation>Binance (live)</translation>
    </message>
    <message>
        <source>Binance markets, comma separated; the first gives the price, volumes are summed. &quot;btcusdt&quot; uses the venue of the settings (binance_venue); &quot;spot:btcusdt&quot; or &quot;futures:btcusdt&quot; choose it.</source>
        <translation>Binance-Märkte, durch Kommas getrennt; der erste liefert den Preis, die Volumina werden addiert. „btcusdt“ nutzt den Handelsplatz der Einstellungen (binance_venue); „spot:btcusdt“ oder „futures:btcusdt“ wählen ihn.</translation>
    </message>
    <message>
        <source>Write the running session&apos;s trades as Binance aggTrades files, to backtest later</source>
        <translation>Die Trades der laufenden Sitzung als Binance-aggTrades-Dateien schreiben, für einen späteren Backtest</translation>
    </message>
    <message>
        <source>Binance market</source>
        <translation>Binance-Markt</translation>
    </message>
    <message>
        <source>Record market data</source>
        <translation>Marktdaten aufzeichnen</translation>
    </message>
    <message>
        <source>Binance aggTrades (*.csv.gz *.csv);;All files (*)</source>
        <translation>Binance aggTrades (*.csv.gz *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Binance needs a market, e.g. btcusdt</source>
        <translation>Binance braucht einen Markt, z. B. btcusdt</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Aufzeichnung beenden</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Aufzeichnung nach %1</translation>
    </message>
</context>
<context>
    <name>veloce::SessionStatus</name>
    <message>
        <source>Where the bars come from</source>
        <translation>Woher die Bars kommen</translation>
    </message>
    <message>
        <source>State of the data feed</source>
        <translation>Zustand des Datenfeeds</translation>
    </message>
    <message>
        <source>Time since the last bar was processed (heartbeat)</source>
        <translation>Zeit seit dem zuletzt verarbeiteten Bar (Heartbeat)</translation>
    </message>
    <message>
        <source>Bars processed per second</source>
        <translation>Verarbeitete Bars pro Sekunde</translation>
    </message>
    <message>
        <source>Session profit and loss (realised + unrealised)</source>
        <translation>Gewinn/Verlust der Sitzung (realisiert + unrealisiert)</translation>
    </message>
    <message>
        <source>Whether new entries are allowed</source>
        <translation>Ob neue Einstiege erlaubt sind</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 bars/s</source>
        <translation>%1 Bars/s</translation>
    </message>
    <message>
        <source>PnL %1</source>
        <translation>G/V %1</translation>
    </message>
    <message>
        <source>TRADING HALTED</source>
        <translation>HANDEL GESTOPPT</translation>
    </message>
    <message>
        <source>trading active</source>
        <translation>Handel aktiv</translation>
    </message>
    <message>
        <source>last bar: —</source>
        <translation>letzter Bar: —</translation>
    </message>
    <message>
        <source>last bar %1 ago</source>
        <translation>letzter Bar vor %1</translation>
    </message>
    <message>
        <source>Live exchange feed: delay from the exchange&apos;s event time to its arrival here, connections lost and replaced, and gaps in the trades filled from the exchange&apos;s REST API</source>
        <translation>Live-Datenstrom der Börse: Verzögerung von der Ereigniszeit der Börse bis zur Ankunft hier, verlorene und ersetzte Verbindungen und aus der REST-API der Börse gefüllte Lücken in den Trades</translation>
    </message>
    <message>
        <source>warming up</source>
        <translation>Vorlauf</translation>
    </message>
    <message>
        <source>repairing a gap</source>
        <translation>Lücke wird gefüllt</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>Verbindung wird erneuert</translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message numerus="yes">
        <source>lag %1 · %n reconnect(s)</source>
        <translation>
            <numerusform>Verzögerung %1 · %n Neuverbindung</numerusform>
            <numerusform>Verzögerung %1 · %n Neuverbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) repaired</source>
        <translation>
            <numerusform>%n Lücke gefüllt</numerusform>
            <numerusform>%n Lücken gefüllt</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts nobody has acknowledged yet; click to open the Alerts dock</source>
        <translation>Meldungen, die noch niemand bestätigt hat; klicken öffnet die Meldungen</translation>
    </message>
    <message>
        <source>no new alerts</source>
        <translation>keine neuen Meldungen</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged alert(s)</source>
        <translation>
            <numerusform>%n unbestätigte Meldung</numerusform>
            <numerusform>%n unbestätigte Meldungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veloce::SessionsBrowser</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Open in dashboard</source>
        <translation>Im Dashboard öffnen</translation>
    </message>
    <message>
        <source>Show the session read-only in the dashboard: equity, trades and signals</source>
        <translation>Die Sitzung nur lesend im Dashboard zeigen: Kapital, Trades und Signale</translation>
    </message>
    <message>
        <source>Export HTML report…</source>
        <translation>HTML-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Journal: %1 (read-only)</source>
        <translation>Journal: %1 (nur lesend)</translation>
    </message>
</context>
<context>
    <name>veloce::SessionsModel</name>
    <message>
        <source>running, or ended without an end row</source>
        <translation>läuft, oder endete ohne Abschlusszeile</translation>
    </message>
    <message>
        <source>end of data</source>
        <translation>Datenende</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>app closed</source>
        <translation>App geschlossen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>HALTED</source>
        <translation>GESTOPPT</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Trading was halted when this session ended (kill switch or breaker)</source>
        <translation>Der Handel war gestoppt, als diese Sitzung endete (Not-Aus oder Schutzschalter)</translation>
    </message>
    <message>
        <source>Trading was active when this session ended</source>
        <translation>Der Handel war aktiv, als diese Sitzung endete</translation>
    </message>
    <message>
        <source>Continued the account of session %1</source>
        <translation>Setzte das Konto von Sitzung %1 fort</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>PnL</source>
        <translation>G/V</translation>
    </message>
    <message>
        <source>Ended halted</source>
        <translation>Gestoppt beendet</translation>
    </message>
</context>
<context>
    <name>veloce::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The same settings and rules as a config file for veloce-cli (--config). They apply to the next backtest and the next paper session.</source>
        <translation>Dieselben Einstellungen und Regeln wie in einer Konfigurationsdatei für veloce-cli (--config). Sie gelten ab dem nächsten Backtest und der nächsten Paper-Trading-Sitzung.</translation>
    </message>
    <message>
        <source>InfluxDB</source>
        <translation>InfluxDB</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Safety and simulator</source>
        <translation>Sicherheit und Simulator</translation>
    </message>
    <message>
        <source>Account and risk</source>
        <translation>Konto und Risiko</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Squeeze length (bars)</source>
        <translation>Squeeze-Länge (Bars)</translation>
    </message>
    <message>
        <source>Bollinger multiplier</source>
        <translation>Bollinger-Multiplikator</translation>
    </message>
    <message>
        <source>Keltner multiplier</source>
        <translation>Keltner-Multiplikator</translation>
    </message>
    <message>
        <source>Keltner band form</source>
        <translation>Keltner-Bandform</translation>
    </message>
    <message>
        <source>Divergence lookback (bars)</source>
        <translation>Divergenz-Rückblick (Bars)</translation>
    </message>
    <message>
        <source>Minimum entry score</source>
        <translation>Mindest-Score für den Einstieg</translation>
    </message>
    <message>
        <source>Size at score 0–3.9</source>
        <translation>Größe bei Score 0–3,9</translation>
    </message>
    <message>
        <source>Size at score 4–5</source>
        <translation>Größe bei Score 4–5</translation>
    </message>
    <message>
        <source>Size at score 6–7</source>
        <translation>Größe bei Score 6–7</translation>
    </message>
    <message>
        <source>Size at score 8+</source>
        <translation>Größe bei Score 8+</translation>
    </message>
    <message>
        <source>Entry cooldown (s)</source>
        <translation>Sperrzeit nach Einstieg (s)</translation>
    </message>
    <message>
        <source>Initial capital</source>
        <translation>Startkapital</translation>
    </message>
    <message>
        <source>Leverage</source>
        <translation>Hebel</translation>
    </message>
    <message>
        <source>Fee rate (fraction of notional)</source>
        <translation>Gebührensatz (Anteil am Nominalwert)</translation>
    </message>
    <message>
        <source>Slippage (basis points)</source>
        <translation>Slippage (Basispunkte)</translation>
    </message>
    <message>
        <source>Risk per trade (fraction of equity)</source>
        <translation>Risiko pro Trade (Anteil am Kapital)</translation>
    </message>
    <message>
        <source>Max open positions</source>
        <translation>Max. offene Positionen</translation>
    </message>
    <message>
        <source>Max drawdown (fraction)</source>
        <translation>Max. Drawdown (Anteil)</translation>
    </message>
    <message>
        <source>Heartbeat timeout (s)</source>
        <translation>Heartbeat-Timeout (s)</translation>
    </message>
    <message>
        <source>On missed heartbeat</source>
        <translation>Bei ausbleibendem Heartbeat</translation>
    </message>
    <message>
        <source>Simulator seed</source>
        <translation>Simulator-Seed</translation>
    </message>
    <message>
        <source>Simulator speed (× real time)</source>
        <translation>Simulator-Tempo (× Echtzeit)</translation>
    </message>
    <message>
        <source>Trading mode</source>
        <translation>Handelsmodus</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Retention policy</source>
        <translation>Retention Policy</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>Markets (comma separated)</source>
        <translation>Märkte (durch Komma getrennt)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Poll interval (ms)</source>
        <translation>Abfrageintervall (ms)</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Timeout (ms)</translation>
    </message>
    <message>
        <source>FreqTrade URL</source>
        <translation>FreqTrade-URL</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Handelspaar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) need fixing before they can be used.</source>
        <translation>
            <numerusform>%n Einstellung muss korrigiert werden, bevor sie verwendet werden kann.</numerusform>
            <numerusform>%n Einstellungen müssen korrigiert werden, bevor sie verwendet werden können.</numerusform>
        </translation>
    </message>
    <message>
        <source>History page deadline (ms)</source>
        <translation>Frist je Verlaufsseite (ms)</translation>
    </message>
    <message>
        <source>Binance</source>
        <translation>Binance</translation>
    </message>
    <message>
        <source>Venue of markets without spot:/futures:</source>
        <translation>Handelsplatz von Märkten ohne spot:/futures:</translation>
    </message>
    <message>
        <source>Stream URL (empty: Binance&apos;s own)</source>
        <translation>Stream-URL (leer: die von Binance)</translation>
    </message>
    <message>
        <source>REST URL (empty: Binance&apos;s own)</source>
        <translation>REST-URL (leer: die von Binance)</translation>
    </message>
    <message>
        <source>Warm-up history (s)</source>
        <translation>Vorlauf-Historie (s)</translation>
    </message>
    <message>
        <source>Kill switch: flatten deadline (ms)</source>
        <translation>Not-Aus: Frist zum Glattstellen (ms)</translation>
    </message>
    <message>
        <source>Kill switch: engine lock alarm after (ms)</source>
        <translation>Not-Aus: Alarm bei Engine-Sperre nach (ms)</translation>
    </message>
    <message>
        <source>Live view update interval (ms)</source>
        <translation>Aktualisierungsintervall der Live-Ansicht (ms)</translation>
    </message>
    <message>
        <source>When the journal fails</source>
        <translation>Wenn das Journal ausfällt</translation>
    </message>
</context>
<context>
    <name>veloce::SignalReasonsModel</name>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected: cooldown</source>
        <translation>Abgelehnt: Sperrzeit</translation>
    </message>
    <message>
        <source>Rejected: size is zero</source>
        <translation>Abgelehnt: Größe ist null</translation>
    </message>
    <message>
        <source>Rejected: max open positions</source>
        <translation>Abgelehnt: max. offene Positionen</translation>
    </message>
    <message>
        <source>Rejected: drawdown limit</source>
        <translation>Abgelehnt: Drawdown-Limit</translation>
    </message>
    <message>
        <source>Rejected: not enough margin</source>
        <translation>Abgelehnt: zu wenig Margin</translation>
    </message>
    <message>
        <source>Rejected: trading halted</source>
        <translation>Abgelehnt: Handel gestoppt</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Long</source>
        <translation>Long</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>veloce::SourcePicker</name>
    <message>
        <source>Only from / to (UTC)</source>
        <translation>Nur von / bis (UTC)</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>InfluxDB</source>
        <translation>InfluxDB</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Bars</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>CSV or CSV.gz — or drop a file on the window</source>
        <translation>CSV oder CSV.gz – oder eine Datei auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>auto-detect</source>
        <translation>automatisch erkennen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>from the settings (influx_host, influx_port)</source>
        <translation>aus den Einstellungen (influx_host, influx_port)</translation>
    </message>
    <message>
        <source>from the settings (influx_database)</source>
        <translation>aus den Einstellungen (influx_database)</translation>
    </message>
    <message>
        <source>e.g. BINANCE:btcusdt, BINANCE_FUTURES:btcusdt</source>
        <translation>z. B. BINANCE:btcusdt, BINANCE_FUTURES:btcusdt</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Märkte</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Open market data</source>
        <translation>Marktdaten öffnen</translation>
    </message>
    <message>
        <source>Market data (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation>Marktdaten (*.csv *.csv.gz *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Seed: &quot;%1&quot; is not a whole number</source>
        <translation>Seed: „%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>Choose a data file (Browse, or drop one on the window)</source>
        <translation>Bitte eine Datendatei wählen (Durchsuchen oder auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>InfluxDB needs at least one market (or influx_markets in the settings)</source>
        <translation>InfluxDB braucht mindestens einen Markt (oder influx_markets in den Einstellungen)</translation>
    </message>
    <message>
        <source>&quot;From&quot; must be before &quot;To&quot;</source>
        <translation>„Von“ muss vor „Bis“ liegen</translation>
    </message>
</context>
<context>
    <name>veloce::SweepResultsModel</name>
    <message>
        <source>Place in the ranking by %1 (1 = best)</source>
        <translation>Platz in der Rangfolge nach %1 (1 = bester)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
</context>
<context>
    <name>veloce::SweepView</name>
    <message>
        <source>Export HTML report…</source>
        <translation>HTML-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Write the sweep&apos;s self-contained HTML report: heatmaps, ranked table, DSR and PBO</source>
        <translation>Den eigenständigen HTML-Bericht des Sweeps schreiben: Heatmaps, Rangtabelle, DSR und PBO</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>the best configuration&apos;s objective</source>
        <translation>die Zielgröße der besten Konfiguration</translation>
    </message>
    <message>
        <source>Deflated Sharpe</source>
        <translation>Deflated Sharpe</translation>
    </message>
    <message>
        <source>Probability that the best configuration&apos;s true Sharpe ratio beats the best of this many configurations without skill (Bailey &amp; López de Prado 2014); 95 % or more is significant</source>
        <translation>Wahrscheinlichkeit, dass die wahre Sharpe Ratio der besten Konfiguration die beste von ebenso vielen Konfigurationen ohne Können übertrifft (Bailey &amp; López de Prado 2014); ab 95 % signifikant</translation>
    </message>
    <message>
        <source>PBO</source>
        <translation>PBO</translation>
    </message>
    <message>
        <source>Probability of backtest overfitting: how often the in-sample winner ends at or below the median out of sample (combinatorially symmetric cross-validation); lower is better</source>
        <translation>Wahrscheinlichkeit der Backtest-Überanpassung: wie oft der In-Sample-Gewinner out of sample beim Median oder darunter landet (kombinatorisch symmetrische Kreuzvalidierung); niedriger ist besser</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
    </message>
    <message>
        <source>the best configuration&apos;s total return</source>
        <translation>die Gesamtrendite der besten Konfiguration</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>the best configuration&apos;s max drawdown</source>
        <translation>der maximale Drawdown der besten Konfiguration</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>the best configuration&apos;s trades</source>
        <translation>die Trades der besten Konfiguration</translation>
    </message>
    <message>
        <source>Configurations</source>
        <translation>Konfigurationen</translation>
    </message>
    <message>
        <source>configurations that ran, the sweep&apos;s wall time and worker threads</source>
        <translation>gelaufene Konfigurationen, Laufzeit und Worker-Threads des Sweeps</translation>
    </message>
    <message>
        <source>Heatmap across</source>
        <translation>Heatmap waagrecht</translation>
    </message>
    <message>
        <source>up</source>
        <translation>senkrecht</translation>
    </message>
    <message>
        <source>Double-click a configuration to backtest it in the dashboard</source>
        <translation>Doppelklick auf eine Konfiguration startet ihren Backtest im Dashboard</translation>
    </message>
    <message>
        <source>No sweep yet</source>
        <translation>Noch kein Sweep</translation>
    </message>
    <message>
        <source>Pick the data and the keys to vary on the left, then run the sweep.</source>
        <translation>Links die Daten und die zu variierenden Schlüssel wählen, dann den Sweep starten.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>%1 · %2 bars · %3 to %4</source>
        <translation>%1 · %2 Bars · %3 bis %4</translation>
    </message>
    <message>
        <source> · cancelled: %1 of %2 configurations ran</source>
        <translation> · abgebrochen: %1 von %2 Konfigurationen gelaufen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n thread(s)</source>
        <translation>
            <numerusform>%1 mit %n Thread</numerusform>
            <numerusform>%1 mit %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>No configuration finished</source>
        <translation>Keine Konfiguration fertig</translation>
    </message>
    <message>
        <source>Best of %1: %2</source>
        <translation>Beste von %1: %2</translation>
    </message>
    <message>
        <source>%1, minimised</source>
        <translation>%1, minimiert</translation>
    </message>
    <message>
        <source>%1, maximised</source>
        <translation>%1, maximiert</translation>
    </message>
    <message numerus="yes">
        <source>of %n configuration(s) tried</source>
        <translation>
            <numerusform>von %n getesteten Konfiguration</numerusform>
            <numerusform>von %n getesteten Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 splits of %2 blocks</source>
        <translation>%1 Aufteilungen von %2 Blöcken</translation>
    </message>
    <message>
        <source>%1, the worst over the markets</source>
        <translation>%1, der schlechteste über die Märkte</translation>
    </message>
    <message>
        <source>%1; held at the best configuration: %2</source>
        <translation>%1; auf der besten Konfiguration gehalten: %2</translation>
    </message>
</context>
<context>
    <name>veloce::TradeDetails</name>
    <message>
        <source>The five phase scores of the entry bar, as the strategy computed them</source>
        <translation>Die fünf Phasen-Scores des Einstiegs-Bars, wie die Strategie sie berechnet hat</translation>
    </message>
    <message>
        <source>Phase scores not recorded (position restored from the journal or read from trades.csv)</source>
        <translation>Phasen-Scores nicht erfasst (Position aus dem Journal wiederhergestellt oder aus trades.csv gelesen)</translation>
    </message>
    <message>
        <source>Hide the trade details (Esc)</source>
        <translation>Trade-Details ausblenden (Esc)</translation>
    </message>
    <message>
        <source>stop hit: the close crossed the stop</source>
        <translation>Stop erreicht: der Schlusskurs kreuzte den Stop</translation>
    </message>
    <message>
        <source>target reached: the close crossed the target</source>
        <translation>Ziel erreicht: der Schlusskurs kreuzte das Ziel</translation>
    </message>
    <message>
        <source>end of data: closed at the last close</source>
        <translation>Datenende: zum letzten Schlusskurs geschlossen</translation>
    </message>
    <message>
        <source>kill switch: flattened</source>
        <translation>Not-Aus: glattgestellt</translation>
    </message>
    <message>
        <source>closed by hand or at the venue</source>
        <translation>von Hand oder am Handelsplatz geschlossen</translation>
    </message>
    <message>
        <source>Trade #%1 %2 · PnL %3</source>
        <translation>Trade #%1 %2 · G/V %3</translation>
    </message>
    <message>
        <source>LONG</source>
        <translation>LONG</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>SHORT</translation>
    </message>
    <message>
        <source>Entered %1 at %2 · score %3</source>
        <translation>Eingestiegen %1 zu %2 · Score %3</translation>
    </message>
    <message>
        <source>Left %1 at %2 after %3: %4</source>
        <translation>Ausgestiegen %1 zu %2 nach %3: %4</translation>
    </message>
</context>
<context>
    <name>veloce::TradesModel</name>
    <message>
        <source>stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Take Profit</translation>
    </message>
    <message>
        <source>end of data</source>
        <translation>Datenende</translation>
    </message>
    <message>
        <source>kill switch</source>
        <translation>Not-Aus</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>LONG</source>
        <translation>LONG</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>SHORT</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Entry time</source>
        <translation>Einstiegszeit</translation>
    </message>
    <message>
        <source>Exit time</source>
        <translation>Ausstiegszeit</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ausstieg</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>PnL</source>
        <translation>G/V</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>Ausstiegsgrund</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Haltedauer</translation>
    </message>
</context>
<context>
    <name>veloce::WalkForwardModel</name>
    <message>
        <source>end of the span (exclusive)</source>
        <translation>Ende der Spanne (ausschließlich)</translation>
    </message>
    <message>
        <source>in sample: the chosen configuration on the train span</source>
        <translation>In-Sample: die gewählte Konfiguration auf der Trainingsspanne</translation>
    </message>
    <message>
        <source>out of sample: the chosen configuration on the test span alone</source>
        <translation>Out-of-Sample: die gewählte Konfiguration allein auf der Testspanne</translation>
    </message>
    <message>
        <source>out-of-sample over in-sample annualised return of this window</source>
        <translation>annualisierte Out-of-Sample- durch In-Sample-Rendite dieses Fensters</translation>
    </message>
    <message>
        <source>overfitting check of the in-sample choice among every configuration on the train span</source>
        <translation>Überanpassungsprüfung der In-Sample-Wahl unter allen Konfigurationen der Trainingsspanne</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Train from (UTC)</source>
        <translation>Training von (UTC)</translation>
    </message>
    <message>
        <source>Train to</source>
        <translation>Training bis</translation>
    </message>
    <message>
        <source>Test from</source>
        <translation>Test von</translation>
    </message>
    <message>
        <source>Test to</source>
        <translation>Test bis</translation>
    </message>
    <message>
        <source>Chosen parameters</source>
        <translation>Gewählte Parameter</translation>
    </message>
    <message>
        <source>IS %1</source>
        <translation>IS %1</translation>
    </message>
    <message>
        <source>OOS %1</source>
        <translation>OOS %1</translation>
    </message>
    <message>
        <source>IS annualised</source>
        <translation>IS annualisiert</translation>
    </message>
    <message>
        <source>OOS annualised</source>
        <translation>OOS annualisiert</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Effizienz</translation>
    </message>
    <message>
        <source>OOS trades</source>
        <translation>OOS-Trades</translation>
    </message>
    <message>
        <source>IS deflated Sharpe</source>
        <translation>IS Deflated Sharpe</translation>
    </message>
    <message>
        <source>IS PBO</source>
        <translation>IS PBO</translation>
    </message>
</context>
<context>
    <name>veloce::WalkForwardView</name>
    <message>
        <source>Open in dashboard</source>
        <translation>Im Dashboard öffnen</translation>
    </message>
    <message>
        <source>Show the stitched out-of-sample run (trades, equity) in the backtest dashboard</source>
        <translation>Den zusammengesetzten Out-of-Sample-Lauf (Trades, Equity) im Backtest-Dashboard zeigen</translation>
    </message>
    <message>
        <source>Walk-forward efficiency</source>
        <translation>Walk-forward-Effizienz</translation>
    </message>
    <message>
        <source>annualised return of the stitched out-of-sample account over the mean in-sample annualised return of the windows; — when the in-sample mean is not positive</source>
        <translation>annualisierte Rendite des zusammengesetzten Out-of-Sample-Kontos durch die mittlere annualisierte In-Sample-Rendite der Fenster; — wenn der In-Sample-Mittelwert nicht positiv ist</translation>
    </message>
    <message>
        <source>Out-of-sample return</source>
        <translation>Out-of-Sample-Rendite</translation>
    </message>
    <message>
        <source>total return of the test windows traded as one account</source>
        <translation>Gesamtrendite der Testfenster, als ein Konto gehandelt</translation>
    </message>
    <message>
        <source>OOS annualised</source>
        <translation>OOS annualisiert</translation>
    </message>
    <message>
        <source>(1 + total return) ^ (365 days / span) − 1</source>
        <translation>(1 + Gesamtrendite) ^ (365 Tage / Spanne) − 1</translation>
    </message>
    <message>
        <source>OOS Sharpe</source>
        <translation>OOS Sharpe</translation>
    </message>
    <message>
        <source>of the stitched account</source>
        <translation>des zusammengesetzten Kontos</translation>
    </message>
    <message>
        <source>OOS max drawdown</source>
        <translation>OOS max. Drawdown</translation>
    </message>
    <message>
        <source>OOS trades</source>
        <translation>OOS-Trades</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>train and test windows</source>
        <translation>Trainings- und Testfenster</translation>
    </message>
    <message>
        <source>No walk-forward analysis yet</source>
        <translation>Noch keine Walk-forward-Analyse</translation>
    </message>
    <message>
        <source>Set the train and test spans on the left, then run the walk-forward analysis.</source>
        <translation>Links die Trainings- und Testspanne setzen, dann die Walk-forward-Analyse starten.</translation>
    </message>
    <message numerus="yes">
        <source>Walk-forward: %n window(s), train %1, test %2</source>
        <translation>
            <numerusform>Walk-forward: %n Fenster, Training %1, Test %2</numerusform>
            <numerusform>Walk-forward: %n Fenster, Training %1, Test %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 configurations per window, best by %3 · dashed lines: where each test window starts</source>
        <translation>%1 · %2 Konfigurationen je Fenster, die beste nach %3 · gestrichelt: wo jedes Testfenster beginnt</translation>
    </message>
</context>
</TS>
