# Exports a Word document as UTF-8 text after accepting or rejecting every
# tracked change in LibreOffice (Edit > Track Changes > Accept All / Reject All).
# Needs a LibreOffice listening on port 2002:
#   soffice --headless --norestore "--accept=socket,host=127.0.0.1,port=2002;urp;" &
# Usage: python3 export_changes.py accept|reject IN.docx OUT.txt
import os
import sys

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


mode, source, target = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
context = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                        (prop("Hidden", True),))
dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
command = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}[mode]
dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
print(f"{os.path.basename(source)}: {document.getRedlines().createEnumeration().hasMoreElements() and 'changes left' or 'no changes left'}")
document.storeToURL(uno.systemPathToFileUrl(target),
                    (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
document.close(True)
