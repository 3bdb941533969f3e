// redactSecrets() (issue 11, docs/freqtrade.md "Secrets"): every shape in which a server can
// echo the credentials of the request it received comes out as "***", with the rest of the
// message intact, and ordinary messages are left alone.
#include "types/redaction.h"

#include <QTest>

using namespace veloce;

class TestRedaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redacts_data();
    void redacts();
};

void TestRedaction::redacts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("known");
    QTest::addColumn<QString>("expected");
    const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJpZGVudGl0eSI6eyJ1IjoiZnQifX0.c2lnbmF0dXJl");
    QTest::newRow("authorization header, bearer")
        << QStringLiteral("denied: Authorization: Bearer %1").arg(jwt) << QStringList()
        << QStringLiteral("denied: Authorization: Bearer ***");
    QTest::newRow("authorization header, basic")
        << QStringLiteral("authorization: Basic ZnJlcXRyYWRlcjpzM2NyZXQ= (rejected)") << QStringList()
        << QStringLiteral("authorization: Basic *** (rejected)");
    QTest::newRow("authorization as JSON")
        << QStringLiteral(R"({"Authorization": "Basic YWRtaW46cHc="})") << QStringList()
        << QStringLiteral(R"({"Authorization": "Basic ***"})");
    QTest::newRow("bare bearer token") << QStringLiteral("token Bearer abc.def-123 expired") << QStringList()
                                       << QStringLiteral("token Bearer *** expired");
    QTest::newRow("JWT anywhere") << QStringLiteral("refresh %1 revoked").arg(jwt) << QStringList()
                                  << QStringLiteral("refresh *** revoked");
    QTest::newRow("JWT cut after two parts") << QStringLiteral("got eyJhbGciOiJIUzI1NiJ9.eyJpZGVudGl0eSI6")
                                             << QStringList() << QStringLiteral("got ***");
    QTest::newRow("influx u= and p=")
        << QStringLiteral("GET /query?db=x&u=admin&p=S3cret%21&q=SHOW") << QStringList()
        << QStringLiteral("GET /query?db=x&u=***&p=***&q=SHOW");
    QTest::newRow("JSON password and tokens")
        << QStringLiteral(R"({"username": "ft", "password": "a b\"c", "access_token": "xyz"})")
        << QStringList() << QStringLiteral(R"({"username": "ft", "password": "***", "access_token": "***"})");
    QTest::newRow("escaped JSON inside a string")
        << QStringLiteral(R"(body: {\"password\":\"hunter22\"})") << QStringList()
        << QStringLiteral(R"(body: {\"password\":\"***\"})");
    QTest::newRow("key: value") << QStringLiteral("freqtrade_password: hunter22, jwt_secret_key=abc")
                                << QStringList()
                                << QStringLiteral("freqtrade_password: ***, jwt_secret_key=***");
    QTest::newRow("URL user info") << QStringLiteral("cannot reach http://ft:hunter22@10.0.0.2:8080/api")
                                   << QStringList()
                                   << QStringLiteral("cannot reach http://ft:***@10.0.0.2:8080/api");
    QTest::newRow("known secret in free text")
        << QStringLiteral("wrong password Tr0ub4dor for user ft")
        << QStringList { QStringLiteral("Tr0ub4dor") } << QStringLiteral("wrong password *** for user ft");
    QTest::newRow("known secret percent-encoded")
        << QStringLiteral("q=1&x=pa%24%24word") << QStringList { QStringLiteral("pa$$word") }
        << QStringLiteral("q=1&x=***");
    QTest::newRow("short known secret only where it stands alone")
        << QStringLiteral("abc is wrong, abcdef is fine") << QStringList { QStringLiteral("abc") }
        << QStringLiteral("*** is wrong, abcdef is fine");
    QTest::newRow("ordinary messages untouched")
        << QStringLiteral("Incorrect username or password; basic authentication required; step=5 top: 3")
        << QStringList { QString() }
        << QStringLiteral("Incorrect username or password; basic authentication required; step=5 top: 3");
    QTest::newRow("InfluxDB statement error untouched")
        << QStringLiteral("retention policy not found: aggr_10s") << QStringList()
        << QStringLiteral("retention policy not found: aggr_10s");
    QTest::newRow("already redacted stays so")
        << QStringLiteral("Authorization: Bearer *** p=*** \"password\": \"***\"") << QStringList()
        << QStringLiteral("Authorization: Bearer *** p=*** \"password\": \"***\"");
}

void TestRedaction::redacts()
{
    QFETCH(QString, text);
    QFETCH(QStringList, known);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(text, known), expected);
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
