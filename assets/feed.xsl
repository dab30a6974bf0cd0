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
        <!-- The stylesheet sits beside this XSL file; its folder comes from the feed's own xml-stylesheet instruction, so a path prefix works and no inline style is needed under the site's CSP. -->
        <xsl:variable name="xsl" select="substring-before(substring-after(/processing-instruction('xml-stylesheet'), 'href=&quot;'), '&quot;')"/>
        <link rel="stylesheet" href="{concat(substring-before($xsl, 'feed.xsl'), 'feed.css')}"/>
        <link rel="icon" type="image/svg+xml" href="{concat(substring-before($xsl, 'feed.xsl'), 'favicon.svg')}"/>
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
