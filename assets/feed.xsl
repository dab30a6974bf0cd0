<?xml version="1.0" encoding="utf-8"?>
<!-- Renders the site's Atom and RSS feeds as a readable page when opened in a browser. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
    <xsl:variable name="home" select="atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link"/>
    <html>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="normalize-space($title)"/></title>
        <style>
          body { font: 16px/1.7 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1d21; background: #fff; }
          @media (prefers-color-scheme: dark) { body { color: #e6e8eb; background: #111317; } a { color: #8ab4ff; } }
          .about { padding: 0.75rem 1rem; border-radius: 6px; background: #eef4ff; color: #1b1d21; }
          li { margin-block: 0.75rem; }
          small { color: #5a6270; }
        </style>
      </head>
      <body>
        <p class="about">这是一个订阅源：把本页地址复制到 RSS 阅读器即可订阅。<br/>This is a feed: copy this page's address into a feed reader to subscribe.</p>
        <h1><xsl:value-of select="normalize-space($title)"/></h1>
        <p><a href="{$home}"><xsl:value-of select="$home"/></a></p>
        <ol>
          <xsl:for-each select="atom:feed/atom:entry">
            <li>
              <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="normalize-space(atom:title)"/></a><br/>
              <small><xsl:value-of select="substring(atom:published, 1, 10)"/></small>
              <p><xsl:value-of select="normalize-space(atom:summary)"/></p>
            </li>
          </xsl:for-each>
          <xsl:for-each select="rss/channel/item">
            <li>
              <a href="{link}"><xsl:value-of select="normalize-space(title)"/></a><br/>
              <small><xsl:value-of select="pubDate"/></small>
              <p><xsl:value-of select="normalize-space(description)"/></p>
            </li>
          </xsl:for-each>
        </ol>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
