#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace veloce {

// Command line of the `veloce` GUI. With no arguments it opens straight into a paper session on
// the built-in simulator. The --screenshot / --status-json / --exit-after / --benchmark options
// let tests and benchmarks drive the real window.
struct GuiOptions
{
    Q_DECLARE_TR_FUNCTIONS(GuiOptions)

public:
    QString configPath;
    QString journalPath; // default: SessionHost::defaultJournalPath()
    double speed = -1; // -1: simulator_speed from the config
    qint64 seed = -1;
    bool session = true; // start the paper session at launch
    QString backtestFile; // run a backtest of this file at launch (dashboard)
    QString binanceMarkets; // start the session on Binance's live streams of these markets
    QString screenshotPath;
    int screenshotAfterBars = 60;
    bool statusJson = false;
    double exitAfterS = 0;
    double benchmarkS = 0;
    QString exportReportPath; // after --backtest: write the HTML report here
    int selectTradeRow = -1; // after --backtest: select this row of the dashboard's trades table
    bool showSessions = false; // open File -> Sessions at launch
    qint64 openSessionId = 0; // show this journal session in the dashboard at launch
    qint64 benchmarkSelectBars = 0; // --benchmark-select: simulated bars of the backtest
    QString optimizerGrid; // --optimizer: open the Optimizer with this GRID.json and run it
    QString optimizerData; // --optimizer-data: its data file (default: the simulator)
    QStringList walkForward; // --walkforward TRAIN,TEST[,STEP]: a walk-forward instead of a sweep
    QString language; // --lang ("de", "en"); empty: the Settings choice, else the system's
    QString error; // set when the arguments are invalid

    static GuiOptions parse(const QStringList& arguments);
    // The language asked for with --lang, read ahead of parse(): the translator has to be in
    // place before parse() builds the (translated) help text. Empty when absent or unknown;
    // parse() reports the unknown ones.
    static QString languageArgument(const QStringList& arguments);
};

} // namespace veloce
