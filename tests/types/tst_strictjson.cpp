// StrictJson and printable(), the two functions every path from outside input to a message goes
// through: JSON that plain nlohmann accepts silently (duplicate keys) or reports without a
// location (1e999) is refused naming the key path, and text shown to the user never carries a
// control character, whatever it contained.
#include "types/printable.h"
#include "types/strictjson.h"

#include <QTest>

using namespace veloce;

class TestStrictJson : public QObject
{
    Q_OBJECT
private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void printable_data();
    void printable();
};

void TestStrictJson::accepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("dump"); // what it parses to
    QTest::newRow("object") << QByteArray("{\"a\": 1, \"b\": [1, 2.5, \"x\"]}")
                            << QByteArray("{\"a\":1,\"b\":[1,2.5,\"x\"]}");
    QTest::newRow("same key in two objects") << QByteArray("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}}")
                                             << QByteArray("{\"a\":{\"k\":1},\"b\":{\"k\":2}}");
    QTest::newRow("same key in array elements")
        << QByteArray("[{\"k\": 1}, {\"k\": 2}]") << QByteArray("[{\"k\":1},{\"k\":2}]");
    QTest::newRow("largest double") << QByteArray("{\"x\": 1.7976931348623157e308}")
                                    << QByteArray("{\"x\":1.7976931348623157e+308}");
    QTest::newRow("underflow is zero") << QByteArray("{\"x\": 1e-999}") << QByteArray("{\"x\":0.0}");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{}") << QByteArray("{}");
    QTest::newRow("scalar") << QByteArray(" 42 ") << QByteArray("42");
}

void TestStrictJson::accepts()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, dump);
    QCOMPARE(QByteArray::fromStdString(StrictJson::parse(text).dump()), dump);
    QCOMPARE(QByteArray::fromStdString(
                 StrictJson::parseOrdered(text.constData(), text.constData() + text.size()).dump()),
        dump);
}

void TestStrictJson::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem"); // a substring
    QTest::newRow("duplicate") << QByteArray("{\"a\": 1, \"a\": 2}") << "a"
                               << "given twice";
    QTest::newRow("duplicate, nested") << QByteArray("{\"o\": {\"x\": 1, \"y\": 2, \"x\": 3}}") << "o.x"
                                       << "given twice";
    QTest::newRow("duplicate in an array element")
        << QByteArray("{\"l\": [{}, {\"k\": 1, \"k\": 1}]}") << "l[1].k"
        << "given twice";
    QTest::newRow("1e999") << QByteArray("{\"a\": 1, \"b\": 1e999}") << "b"
                           << "number overflow parsing '1e999'";
    QTest::newRow("-1e999 nested") << QByteArray("{\"o\": {\"p\": -1e999}}") << "o.p"
                                   << "'-1e999'";
    QTest::newRow("overflow in an array") << QByteArray("{\"m\": [1, [2, 3], 4e400]}") << "m[2]"
                                          << "'4e400'";
    QTest::newRow("overflow at the top") << QByteArray("1e999") << ""
                                         << "overflow";
    QTest::newRow("syntax") << QByteArray("{\n  \"a\": 1,\n  \"b\": \n}") << ""
                            << "malformed JSON at line 4, column 1";
    QTest::newRow("NaN") << QByteArray("{\"a\": NaN}") << ""
                         << "malformed JSON at line 1";
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\": \"\xc3\x28\"}") << ""
                                   << "malformed JSON";
    QTest::newRow("empty") << QByteArray() << ""
                           << "malformed JSON at line 1, column 1";
    QTest::newRow("trailing garbage") << QByteArray("{} x") << ""
                                      << "malformed JSON";
    QTest::newRow("control key") << QByteArray("{\"a\\u001bb\": 1, \"a\\u001bb\": 2}") << "a\\x1bb"
                                 << "given twice";
}

void TestStrictJson::refuses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    QFETCH(QString, problem);
    try {
        StrictJson::parse(text);
        QFAIL("accepted");
    } catch (const JsonInputError& e) {
        QCOMPARE(e.key(), key);
        QVERIFY2(e.problem().contains(problem), qPrintable(e.problem()));
        QVERIFY(!e.problem().contains(QLatin1String("json.exception")));
    }
}

void TestStrictJson::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("BTCUSDT-1m.csv:3: high 'abc'")
                           << QStringLiteral("BTCUSDT-1m.csv:3: high 'abc'");
    QTest::newRow("ESC sequence") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\x1b[2Jb");
    QTest::newRow("NUL does not cut")
        << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QStringLiteral("a\\x00b");
    QTest::newRow("BEL, DEL") << QStringLiteral("\x07x\x7f") << QStringLiteral("\\x07x\\x7f");
    QTest::newRow("newline, CR, tab") << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\nb\\rc\\td");
    QTest::newRow("C1 CSI") << QString(QChar(0x9b)) << QStringLiteral("\\x9b");
    QTest::newRow("bidi override") << QString(QStringLiteral("x") + QChar(0x202e) + QStringLiteral("y"))
                                   << QStringLiteral("x\\u202ey");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u2028");
    QTest::newRow("non-ASCII kept") << QStringLiteral("Kurs \u00fcber 42\u202f000 \u20ac")
                                    << QStringLiteral("Kurs \u00fcber 42\u202f000 \u20ac");
    QTest::newRow("backslash kept") << QStringLiteral("C:\\x1b") << QStringLiteral("C:\\x1b");
}

void TestStrictJson::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(veloce::printable(text), shown);
    QCOMPARE(veloce::printable(shown), shown); // idempotent
}

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
