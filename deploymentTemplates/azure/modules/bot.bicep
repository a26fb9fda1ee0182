// The Azure Bot registration with the Teams channel and the Direct Line channel the app's own web chat page
// uses (enhanced authentication: only tokens the app exchanged, bound to a user id it chose and to its origin).
param name string
param sku string
param appType string
param appId string
param tenantId string
param identityId string
param endpoint string
@description('The app\'s own origin (https://<app>.azurewebsites.net), the only origin Direct Line trusts.')
param appOrigin string
param workspaceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: name
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    disableLocalAuth: false
  }
}

// What the channels sent the bot and how it answered (status and latency per request; no message text).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: bot
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'BotRequest'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'ReflectBot page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          isBlockUserUploadEnabled: true
          trustedOrigins: [
            appOrigin
          ]
        }
      ]
    }
  }
}

// Azure's hosted Web Chat site (an iframe with its own secret) is off: people use the app's page, which keeps
// who they are; a visitor of the hosted site would be a new stranger each time.
resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: false
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

output name string = bot.name
output directLineChannelId string = directLine.id
