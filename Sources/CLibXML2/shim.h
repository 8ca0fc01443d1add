#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU: libxml/encoding.h then includes <unicode/ucnv.h> (system
// ICU 72), which clashes with the ICU headers Foundation on Linux imports as _FoundationICU.
// We never touch xmlCharEncodingHandler's ICU fields, so hide ICU from the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
