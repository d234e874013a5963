package org.plenary.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.error.TooLarge;
import org.plenary.platform.http.BodyLimit;

/**
 * An uploaded document, told apart by its content (never by its name or the type the browser sent)
 * and checked before any parser sees it:
 *
 * <ul>
 *   <li>at most {@value #MAX_FILE_BYTES} bytes as uploaded;
 *   <li>a ZIP (DOCX, ODT) is read through once first: at most {@value #MAX_ENTRIES} entries and
 *       {@value #MAX_UNZIPPED_BYTES} bytes unpacked in all, each entry at most {@value #MAX_RATIO}
 *       times its packed size (a zip bomb stops being read at the first limit it passes, so it
 *       costs at most that much work); no XML part with a document type declaration (Word and
 *       LibreOffice never write one; it is how external entities get in);
 *   <li>a macro-enabled document ({@code .docm}, or any part holding VBA), an encrypted document
 *       (Office keeps those in an OLE2 container), a Word 97–2003 {@code .doc}, a PDF, an image:
 *       refused, saying which it is and what to do instead;
 *   <li>anything else is Markdown if it is UTF-8 text without NUL characters.
 * </ul>
 */
final class ImportFile {

  static final long MAX_FILE_BYTES = BodyLimit.MAX_IMPORT_BYTES;
  static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
  static final int MAX_ENTRIES = 5_000;
  static final int MAX_RATIO = 200;

  /** What a file is. */
  enum Format {
    DOCX,
    ODT,
    MARKDOWN
  }

  private static final String DOCX_MAIN =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String DOCM_MAIN = "application/vnd.ms-word.document.macroenabled.main+xml";
  private static final String ODT = "application/vnd.oasis.opendocument.text";

  private ImportFile() {}

  /** The file's format; refuses (413, 422 naming {@code file}) what cannot be imported. */
  static Format sniff(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new Invalid("file", "is empty: send the document as the request body");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new TooLarge(
          "file",
          "is " + bytes.length + " bytes; an import takes at most 20 MiB (20,971,520 bytes)");
    }
    if (startsWith(bytes, 'P', 'K', 3, 4)) {
      return zipped(bytes);
    }
    if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw new Invalid("file", ole2(bytes));
    }
    if (startsWith(bytes, '%', 'P', 'D', 'F')) {
      throw new Invalid(
          "file", "is a PDF; Plenary imports DOCX, ODT and Markdown (save the source as DOCX)");
    }
    if (startsWith(bytes, 0x89, 'P', 'N', 'G')
        || startsWith(bytes, 0xFF, 0xD8, 0xFF)
        || startsWith(bytes, 'G', 'I', 'F', '8')) {
      throw new Invalid("file", "is an image; add images to a paper as figures, not as an import");
    }
    if (startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
      throw new Invalid("file", "is an RTF document; save it as DOCX in Word and upload that");
    }
    if (!isText(bytes)) {
      throw new Invalid(
          "file", "is neither a DOCX, an ODT nor Markdown (UTF-8 text); nothing was imported");
    }
    return Format.MARKDOWN;
  }

  private static Format zipped(byte[] bytes) {
    Set<String> names = new HashSet<>();
    String contentTypes = null;
    String mimetype = null;
    long unzipped = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new Invalid("file", "holds more than " + MAX_ENTRIES + " parts: refused");
        }
        String name = e.getName();
        names.add(name.toLowerCase(Locale.ROOT));
        Entry read = read(zip, e, MAX_UNZIPPED_BYTES - unzipped);
        unzipped += read.size();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = read.head();
        } else if (name.equals("mimetype")) {
          mimetype = read.head().strip();
        }
        if (name.endsWith(".xml") || name.endsWith(".rels")) {
          refuseDoctype(name, read.head());
        }
      }
    } catch (ZipException e) {
      throw new Invalid("file", "is a damaged ZIP archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new Invalid("file", "could not be unpacked (" + e.getMessage() + ")");
    }
    if (ODT.equals(mimetype)) {
      return Format.ODT;
    }
    if (mimetype != null && mimetype.startsWith("application/vnd.oasis.opendocument.")) {
      throw new Invalid(
          "file", "is an OpenDocument file of another kind (" + mimetype + "), not a text (ODT)");
    }
    if (contentTypes == null) {
      throw new Invalid("file", "is a ZIP archive but not a Word (DOCX) or ODT document");
    }
    String types = contentTypes.toLowerCase(Locale.ROOT);
    if (types.contains(DOCM_MAIN) || names.stream().anyMatch(n -> n.endsWith("vbaproject.bin"))) {
      throw new Invalid(
          "file",
          "is a macro-enabled document (.docm): Plenary does not take macros; save it as a Word"
              + " Document (.docx) and upload that");
    }
    if (!types.contains(DOCX_MAIN)) {
      throw new Invalid(
          "file",
          "is an Office file but not a Word document (DOCX): a spreadsheet, a presentation or a"
              + " template cannot be imported");
    }
    return Format.DOCX;
  }

  /** An entry's unpacked size and its first characters (for the checks above). */
  private record Entry(long size, String head) {}

  private static Entry read(ZipInputStream zip, ZipEntry e, long budget) throws IOException {
    byte[] buffer = new byte[8192];
    byte[] head = new byte[4096];
    int headLength = 0;
    long size = 0;
    long packed = Math.max(e.getCompressedSize(), 1024);
    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
      int copied = Math.min(n, head.length - headLength);
      System.arraycopy(buffer, 0, head, headLength, copied);
      headLength += copied;
      size += n;
      if (size > budget) {
        throw new Invalid(
            "file",
            "unpacks to more than 200 MiB (a zip bomb, or a document far larger than any paper):"
                + " refused");
      }
      if (e.getCompressedSize() >= 0 && size > packed * MAX_RATIO) {
        throw new Invalid(
            "file",
            "has a part ("
                + e.getName()
                + ") packed more than "
                + MAX_RATIO
                + " to 1, as a zip bomb is: refused");
      }
    }
    return new Entry(size, new String(head, 0, headLength, StandardCharsets.UTF_8));
  }

  private static void refuseDoctype(String name, String head) {
    if (head.contains("<!DOCTYPE") || head.contains("<!doctype") || head.contains("<!ENTITY")) {
      throw new Invalid(
          "file",
          "has a document type declaration in "
              + name
              + " (Word never writes one; it is how XML external entities get in): refused");
    }
  }

  /** Why an OLE2 file is refused: Office's encrypted documents are OLE2 containers too. */
  private static String ole2(byte[] bytes) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) {
      return "is encrypted (protected by a password): remove the password in Word (File → Info →"
          + " Protect Document) and upload it again";
    }
    return "is a Word 97–2003 document (.doc) or another old Office file: save it as a Word"
        + " Document (.docx) and upload that";
  }

  private static boolean containsUtf16(byte[] bytes, String s) {
    byte[] needle = s.getBytes(StandardCharsets.UTF_16LE);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xFF) != (magic[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
