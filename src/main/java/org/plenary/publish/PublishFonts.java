package org.plenary.publish;

import com.lowagie.text.pdf.BaseFont;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.platform.config.PlenaryConfig;

/**
 * The fonts published documents are set in, loaded once and shared (a {@link BaseFont} is
 * read-only; what each document uses is tracked by its own writer, which embeds only those glyphs).
 *
 * <p>Every script the UN works in needs a font that has it: Noto Serif (Latin, Cyrillic, Greek),
 * Noto Naskh Arabic (with the presentation forms OpenPDF's Arabic shaping needs; Noto Kufi lacks
 * them), WenQuanYi Zen Hei (Chinese, with TrueType outlines, so subsets stay small) and DejaVu Sans
 * Mono for code. They come from Debian's {@code fonts-noto-core}, {@code fonts-wqy-zenhei} and
 * {@code fonts-dejavu-core}; {@code plenary.publish.font-dirs} says where to look. A font that is
 * not found makes compiling fail with a message naming the file and the package, never a PDF with
 * text silently missing.
 */
@ApplicationScoped
public class PublishFonts {

  /** A typeface in its styles. */
  public enum Face {
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    SERIF_BOLD_ITALIC,
    ARABIC,
    ARABIC_BOLD,
    CJK,
    MONO
  }

  private static final Map<Face, String[]> FILES = new LinkedHashMap<>();

  static {
    FILES.put(Face.SERIF, new String[] {"NotoSerif-Regular.ttf", "fonts-noto-core"});
    FILES.put(Face.SERIF_BOLD, new String[] {"NotoSerif-Bold.ttf", "fonts-noto-core"});
    FILES.put(Face.SERIF_ITALIC, new String[] {"NotoSerif-Italic.ttf", "fonts-noto-core"});
    FILES.put(Face.SERIF_BOLD_ITALIC, new String[] {"NotoSerif-BoldItalic.ttf", "fonts-noto-core"});
    FILES.put(Face.ARABIC, new String[] {"NotoNaskhArabic-Regular.ttf", "fonts-noto-core"});
    FILES.put(Face.ARABIC_BOLD, new String[] {"NotoNaskhArabic-Bold.ttf", "fonts-noto-core"});
    FILES.put(Face.CJK, new String[] {"wqy-zenhei.ttc", "fonts-wqy-zenhei"});
    FILES.put(Face.MONO, new String[] {"DejaVuSansMono.ttf", "fonts-dejavu-core"});
  }

  @Inject PlenaryConfig config;

  private volatile Map<Face, BaseFont> loaded;
  private List<String> dirs;

  /** Fonts looked for in {@code dirs}, outside the application (benchmarks, tools). */
  public static PublishFonts in(List<String> dirs) {
    PublishFonts fonts = new PublishFonts();
    fonts.dirs = List.copyOf(dirs);
    return fonts;
  }

  private List<String> dirs() {
    return dirs != null ? dirs : config.publish().fontDirs();
  }

  /** The font of {@code face}; throws {@link FontsMissing} when its file is not installed. */
  public BaseFont get(Face face) {
    return fonts().get(face);
  }

  /** The fonts a run of text in {@code face} falls back through, in order. */
  public List<BaseFont> chain(Face face) {
    Map<Face, BaseFont> f = fonts();
    boolean bold = face == Face.SERIF_BOLD || face == Face.SERIF_BOLD_ITALIC;
    List<BaseFont> chain = new ArrayList<>();
    chain.add(f.get(face));
    if (face != Face.SERIF) {
      chain.add(f.get(Face.SERIF));
    }
    chain.add(f.get(bold ? Face.ARABIC_BOLD : Face.ARABIC));
    chain.add(f.get(Face.CJK));
    return chain;
  }

  /** Whether every font is installed (for the health check); never throws. */
  public List<String> missingFiles() {
    List<String> missing = new ArrayList<>();
    FILES.forEach(
        (face, file) -> {
          if (find(file[0]) == null) {
            missing.add(file[0] + " (Debian package " + file[1] + ")");
          }
        });
    return missing;
  }

  private Map<Face, BaseFont> fonts() {
    Map<Face, BaseFont> f = loaded;
    if (f == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = load();
        }
        f = loaded;
      }
    }
    return f;
  }

  private Map<Face, BaseFont> load() {
    List<String> missing = missingFiles();
    if (!missing.isEmpty()) {
      throw new FontsMissing(missing, dirs());
    }
    Map<Face, BaseFont> fonts = new LinkedHashMap<>();
    FILES.forEach(
        (face, file) -> {
          Path path = find(file[0]);
          String name = path.toString() + (file[0].endsWith(".ttc") ? ",0" : "");
          try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            // A CIDSet would have to list every glyph of the subset exactly; PDF/UA (and PDF/A-2)
            // refuse a wrong one and need none, so none is written.
            font.setIncludeCidSet(false);
            fonts.put(face, font);
          } catch (Exception e) {
            throw new IllegalStateException("Cannot read the font " + path + ": " + e, e);
          }
        });
    return Map.copyOf(fonts);
  }

  private Path find(String file) {
    for (String dir : dirs()) {
      Path p = Path.of(dir.strip(), file);
      if (Files.isReadable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The fonts published documents need are not installed. */
  public static final class FontsMissing extends RuntimeException {
    public FontsMissing(List<String> files, List<String> dirs) {
      super(
          "Plenary cannot set published documents without these fonts: "
              + String.join(", ", files)
              + ". Install them (sudo apt-get install -y fonts-noto-core fonts-wqy-zenhei"
              + " fonts-dejavu-core) or point plenary.publish.font-dirs at them (looked in "
              + String.join(", ", dirs)
              + ").");
    }
  }
}
