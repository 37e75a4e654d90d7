; Kancelaria — NSIS additions, included by electron-builder (nsis.include).
; Silent deployment by the city's IT:  Kancelaria-x.y.z-setup.exe /S /allusers /D=C:\Program Files\Kancelaria
; The per-user data folder (%APPDATA%\Kancelaria: the local register cache) is never removed here.

!macro customInstall
  ; Records where the program is installed, for IT inventory tools.
  WriteRegStr HKLM "Software\Kancelaria" "InstallDir" "$INSTDIR"
!macroend

!macro customUnInstall
  DeleteRegKey HKLM "Software\Kancelaria"
!macroend
