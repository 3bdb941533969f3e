# Packages: `cpack -G DEB` / `cpack -G TGZ` in a build directory (see README "Install").
set(CPACK_PACKAGE_NAME veloce)
set(CPACK_PACKAGE_VENDOR "The Veloce team")
set(CPACK_PACKAGE_CONTACT "The Veloce team <team@veloce.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop trading workstation: squeeze-strategy backtests and paper trading")
set(CPACK_PACKAGE_DESCRIPTION
    "Veloce backtests a continuous-scoring squeeze strategy on 1-second crypto bars (Binance dumps,\n InfluxDB/aggr-server, built-in simulator), paper-trades it live and stops it with a kill switch.\n Includes the veloce desktop application and the headless veloce-cli.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://veloce.dev/")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_FILE_NAME "veloce_${PROJECT_VERSION}_${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # library dependencies computed by dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

include(CPack)
